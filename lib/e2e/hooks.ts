import { env } from "@/lib/env";

/**
 * The test-only routes under /api/test exist only with E2E_HOOKS=1 on an embedded server (no DATABASE_URL, no
 * RESEND_API_KEY), so a hosted deployment cannot turn them on.
 */
export const e2eHooksEnabled = () => process.env.E2E_HOOKS === "1" && !env().DATABASE_URL && !env().RESEND_API_KEY;
