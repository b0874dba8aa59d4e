/** Its own module: the shell's badge needs only this, not the thread's formatting helpers. */
export const unreadLabel = (count: number) => (count > 99 ? "99+" : String(count));
