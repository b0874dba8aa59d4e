import { z } from "zod";
import { settleBackgroundWork } from "@/lib/background";
import { env } from "@/lib/env";
import { MINUTE } from "@/lib/time";
import { sweepReminders, type SweepResult } from "./sweep";

/**
 * For end-to-end tests only: runs the reminder sweep as if the clock read some minutes later, and waits for the
 * deliveries, so a test waits for its reminder instead of sleeping. Exists only with E2E_HOOKS=1 on an embedded server
 * (no DATABASE_URL, no RESEND_API_KEY): a hosted deployment cannot turn it on. Production code paths are unchanged:
 * the sweep and deliveries are the ticker's own.
 */
export const testClockEnabled = () => process.env.E2E_HOOKS === "1" && !env().DATABASE_URL && !env().RESEND_API_KEY;

export const sweepAheadSchema = z.strictObject({ minutesAhead: z.number().int().min(0).max(60) });

export async function sweepAhead(minutesAhead: number): Promise<SweepResult> {
  const result = await sweepReminders(new Date(Date.now() + minutesAhead * MINUTE));
  await settleBackgroundWork();
  return result;
}
