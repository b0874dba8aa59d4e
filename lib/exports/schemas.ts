import { z } from "zod";
import { calendarDate } from "@/lib/time/schemas";

const day = calendarDate("Give dates as YYYY-MM-DD.");

/** Five years is more than any studio's export needs, and keeps one download bounded. */
export const MAX_EXPORT_DAYS = 5 * 366;

export const exportKinds = ["lessons", "assignments", "practice"] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportQuerySchema = z
  .strictObject({ kind: z.enum(exportKinds, { error: "Choose lessons, assignments or practice." }), from: day, to: day })
  .refine((query) => query.from <= query.to, { path: ["to"], message: "The end date must not be before the start date." })
  .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 <= MAX_EXPORT_DAYS, {
    path: ["to"],
    message: "Export at most five years at once.",
  });

export type ExportQuery = z.infer<typeof exportQuerySchema>;
