"use client";

import { useCallback, useEffect, useRef } from "react";

const SIGNING_OUT = "musbook:signing-out";
const RENEWING = "musbook:session-renewing";
const RENEWED = "musbook:session-renewed";

/** Called as the sign-out form submits, before its request leaves the tab. */
export function announceSigningOut(): void {
  window.dispatchEvent(new Event(SIGNING_OUT));
}

/**
 * Called as a form submits that ends this tab's session and opens a new one (a password change): until its answer
 * brings the new cookie, requests with the old one would come back 401. Returns `resume`, for when it was refused.
 */
export function announceSessionRenewal(): () => void {
  window.dispatchEvent(new Event(RENEWING));
  return () => window.dispatchEvent(new Event(RENEWED));
}

export function onSigningOut(listener: () => void): () => void {
  window.addEventListener(SIGNING_OUT, listener);
  return () => window.removeEventListener(SIGNING_OUT, listener);
}

/**
 * The signal for requests a component makes on its own (catch-ups, counts). It is aborted when this tab
 * starts signing out or renewing its session, so none of them reaches the server without a live session and
 * comes back 401; a renewal that was refused gives a fresh signal.
 */
export function useSessionSignal(): () => AbortSignal {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    const stop = () => (controller.current ??= new AbortController()).abort();
    const resume = () => {
      if (controller.current?.signal.aborted) controller.current = new AbortController();
    };
    const stopOnSignOut = onSigningOut(() => {
      stop();
      window.removeEventListener(RENEWED, resume);
    });
    window.addEventListener(RENEWING, stop);
    window.addEventListener(RENEWED, resume);
    return () => {
      stopOnSignOut();
      window.removeEventListener(RENEWING, stop);
      window.removeEventListener(RENEWED, resume);
    };
  }, []);
  return useCallback(() => (controller.current ??= new AbortController()).signal, []);
}

export const isAborted = (error: unknown) => error instanceof DOMException && error.name === "AbortError";
