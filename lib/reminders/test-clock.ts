import { z } from "zod";
import { settleBackgroundWork } from "@/lib/background";
import { MINUTE } from "@/lib/time";
import { sweepReminders, type SweepResult } from "./sweep";

export const sweepAheadSchema = z.strictObject({ minutesAhead: z.number().int().min(0).max(60) });

/**
 * For end-to-end tests only (`e2eHooksEnabled`): runs the reminder sweep as if the clock read some minutes later, and
 * waits for the deliveries, so a test waits for its reminder instead of sleeping. Production code paths are unchanged:
 * the sweep and deliveries are the ticker's own.
 */
export async function sweepAhead(minutesAhead: number): Promise<SweepResult> {
  const result = await sweepReminders(new Date(Date.now() + minutesAhead * MINUTE));
  await settleBackgroundWork();
  return result;
}
