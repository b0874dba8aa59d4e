import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** False in the server's HTML and until React has hydrated: a control that only works with its script waits for it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
