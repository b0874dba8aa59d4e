"use client";

import { startTransition, useActionState, useEffect, useEffectEvent, useState, type FormEvent } from "react";
import type { ActionFailure, ActionInput, AnyActionResult } from "@/lib/actions";

type Success<R> = Extract<R, { ok: true }>;

/** Built on useActionState so `<form action>` works before hydration; afterwards onSubmit skips React's reset, keeping a refused form's input. */
export function useAction<R extends AnyActionResult>(
  action: (previous: unknown, input: ActionInput) => Promise<R>,
  { onSuccess }: { onSuccess?: (result: Success<R>) => void } = {},
) {
  const [state, dispatch, pending] = useActionState<R | undefined, ActionInput>(action, undefined);
  const [dismissed, setDismissed] = useState<R | undefined>(undefined);
  const current = state === dismissed ? undefined : state;

  const succeeded = useEffectEvent((result: Success<R>) => onSuccess?.(result));
  useEffect(() => {
    if (state?.ok) succeeded(state as Success<R>);
  }, [state]);

  const failed = current && !current.ok ? (current as ActionFailure) : undefined;
  const success = current?.ok ? (current as Success<R>) : undefined;
  return {
    state: current,
    pending,
    error: failed?.error,
    fieldErrors: failed?.fieldErrors ?? ({} as Record<string, string | undefined>),
    message: success?.message,
    data: success?.data as Success<R>["data"] | undefined,
    formAction: dispatch,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formData = new FormData(event.currentTarget);
      startTransition(() => dispatch(formData));
    },
    run: (input: Record<string, unknown> = {}) => startTransition(() => dispatch(input)),
    reset: () => setDismissed(state),
  };
}
