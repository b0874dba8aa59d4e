import { failure, invalid, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { exportQuerySchema } from "@/lib/exports/schemas";
import { exportFileName, teacherCsv } from "@/lib/exports/teacher";
import { failureResponse } from "@/lib/http";

/** A teacher's lessons, assignments or practice for a date range, as a spreadsheet-safe CSV download. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  if (user.role !== "teacher") return failureResponse(failure("forbidden", "Only teachers export studio records."));
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return failureResponse(invalid(parsed.error, "Choose what to export and a valid date range."));
  return new Response(await teacherCsv(user, parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(parsed.data)}"`,
      "cache-control": "private, no-store",
    },
  });
}
