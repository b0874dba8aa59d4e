import { sql } from "drizzle-orm";
import { db } from "@/db";
import { failure } from "@/lib/actions";
import { failureResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for Playwright's web server and hosted health checks. */
export async function GET() {
  try {
    await db.execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch {
    return failureResponse(failure("unavailable", "database unavailable"));
  }
}
