import { isBenchRun, statementCount } from "@/lib/bench";

export const dynamic = "force-dynamic";

/** SQL statements sent so far by this server process; bench runs (BENCH=1) only, a 404 otherwise. */
export function GET() {
  if (!isBenchRun()) return new Response(null, { status: 404 });
  return Response.json({ statements: statementCount() });
}
