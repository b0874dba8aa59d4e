"use client";

import { startTransition, useActionState, useEffect, useEffectEvent, useState, type FormEvent } from "react";
import { ACTION_BODY_LIMIT_BYTES, type ActionFailure, type ActionInput, type AnyActionResult } from "@/lib/actions";

/** Under Next's limit, with room for the form encoding around the fields. */
const SENDABLE_BYTES = ACTION_BODY_LIMIT_BYTES - 48_576;

type Success<R> = Extract<R, { ok: true }>;

export const TOO_LARGE_TO_SEND = "This is too long to send (over 1 MB), so it was not sent. Shorten the longest text and try again.";

const encoder = new TextEncoder();
const utf8Bytes = (text: string) => encoder.encode(text).byteLength;

/** About what the action's request body will weigh: each form field with its part's headers, or the JSON of an input. */
export function actionPayloadBytes(input: ActionInput): number {
  if (!(input instanceof FormData)) return utf8Bytes(JSON.stringify(input) ?? "");
  let bytes = 0;
  for (const [name, value] of input.entries()) bytes += 100 + utf8Bytes(name) + (typeof value === "string" ? utf8Bytes(value) : value.size);
  return bytes;
}

/** Built on useActionState so `<form action>` works before hydration; afterwards onSubmit skips React's reset, keeping a refused form's input. */
export function useAction<R extends AnyActionResult>(
  action: (previous: unknown, input: ActionInput) => Promise<R>,
  { onSuccess }: { onSuccess?: (result: Success<R>) => void } = {},
) {
  const [state, dispatch, pending] = useActionState<R | undefined, ActionInput>(action, undefined);
  const [dismissed, setDismissed] = useState<R | undefined>(undefined);
  const [oversized, setOversized] = useState(false);
  const current = state === dismissed ? undefined : state;

  const succeeded = useEffectEvent((result: Success<R>) => onSuccess?.(result));
  useEffect(() => {
    if (state?.ok) succeeded(state as Success<R>);
  }, [state]);

  const failed = current && !current.ok ? (current as ActionFailure) : undefined;
  // Refused here, before sending, with the form as it was: the person loses nothing.
  const send = (input: ActionInput) => {
    const tooLarge = actionPayloadBytes(input) > SENDABLE_BYTES;
    setOversized(tooLarge);
    if (!tooLarge) startTransition(() => dispatch(input));
  };
  const success = current?.ok ? (current as Success<R>) : undefined;
  return {
    state: current,
    pending,
    error: oversized ? TOO_LARGE_TO_SEND : failed?.error,
    fieldErrors: failed?.fieldErrors ?? ({} as Record<string, string | undefined>),
    message: success?.message,
    data: success?.data as Success<R>["data"] | undefined,
    formAction: dispatch,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      send(new FormData(event.currentTarget));
    },
    run: (input: Record<string, unknown> = {}) => send(input),
    reset: () => {
      setOversized(false);
      setDismissed(state);
    },
  };
}
