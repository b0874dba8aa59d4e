import { createConfirmedAccount } from "@/lib/e2e/accounts";
import { e2eHook } from "@/lib/e2e/hooks";
import { resultResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** End-to-end tests only (E2E_HOOKS=1, embedded): a confirmed account from a sign-up form's fields. A 404 otherwise. */
export const POST = e2eHook(4_096, async (body) => resultResponse(await createConfirmedAccount(body)));
