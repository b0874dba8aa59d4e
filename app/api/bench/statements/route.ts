import { failure } from "@/lib/actions";
import { isBenchRun, statementCount } from "@/lib/bench";
import { failureResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** SQL statements sent so far by this server process; bench runs (BENCH=1) only, a 404 otherwise. */
export function GET() {
  if (!isBenchRun()) return failureResponse(failure("not-found", "Not found"));
  return Response.json({ statements: statementCount() });
}
