"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions";

/** Runs a scheduling server action and keeps its pending state, error and field errors for the form. */
export function useSchedulingAction<T>(action: (input: unknown) => Promise<ActionResult<T>>) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | undefined>();
  const run = (input: unknown, onSuccess?: (result: ActionResult<T> & { ok: true }) => void) =>
    startTransition(async () => {
      const next = await action(input);
      setResult(next);
      if (next.ok) onSuccess?.(next);
    });
  return {
    run,
    pending,
    error: result && !result.ok ? result.error : undefined,
    fieldErrors: result && !result.ok ? (result.fieldErrors ?? {}) : {},
    message: result?.ok ? result.message : undefined,
    reset: () => setResult(undefined),
  };
}
