import { sql } from "drizzle-orm";
import { db } from "@/db";
import { failure } from "@/lib/actions";
import { dependencyStatuses, type DependencyStatus } from "@/lib/deploy/health";
import { failureResponse, PRIVATE_NO_STORE } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The deep answer is reused this long, so a public URL cannot make the server call Pusher and Resend at will. */
const DEEP_CACHE_MS = 30_000;
let deep: { at: number; statuses: Promise<DependencyStatus[]> } | undefined;

/**
 * Liveness and database reachability, for Playwright's web server and hosted health checks. With `?deep=1`, each
 * dependency's state (database, realtime, email, jobs) in words, never a credential; 503 when any is failing.
 */
export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get("deep") === "1") {
    if (!deep || Date.now() - deep.at > DEEP_CACHE_MS) deep = { at: Date.now(), statuses: dependencyStatuses() };
    const dependencies = await deep.statuses;
    const ok = dependencies.every((dependency) => dependency.ok);
    return Response.json({ ok, dependencies }, { status: ok ? 200 : 503, headers: PRIVATE_NO_STORE });
  }
  try {
    await db.execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch {
    return failureResponse(failure("unavailable", "database unavailable"));
  }
}
