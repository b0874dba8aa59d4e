"use client";

import { useCallback, useEffect, useRef } from "react";

const SIGNING_OUT = "musbook:signing-out";

/** Called as the sign-out form submits, before its request leaves the tab. */
export function announceSigningOut(): void {
  window.dispatchEvent(new Event(SIGNING_OUT));
}

export function onSigningOut(listener: () => void): () => void {
  window.addEventListener(SIGNING_OUT, listener);
  return () => window.removeEventListener(SIGNING_OUT, listener);
}

/**
 * The signal for requests a component makes on its own (catch-ups, counts). It is aborted when this tab
 * starts signing out, so none of them reaches the server after the session is gone and comes back 401.
 */
export function useSessionSignal(): () => AbortSignal {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => onSigningOut(() => (controller.current ??= new AbortController()).abort()), []);
  return useCallback(() => (controller.current ??= new AbortController()).signal, []);
}

export const isAborted = (error: unknown) => error instanceof DOMException && error.name === "AbortError";
