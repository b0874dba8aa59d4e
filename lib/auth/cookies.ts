import { env } from "@/lib/env";

/** A cookie's value from a raw request (Auth.js hands providers a plain Request). */
export function requestCookie(request: Request | undefined, name: string): string | undefined {
  for (const part of request?.headers.get("cookie")?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** Sign-in cookies: invisible to scripts, not sent on cross-site requests, HTTPS-only when the app is served over HTTPS. */
export function secureCookie(maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: env().APP_URL.startsWith("https:"), path: "/", maxAge: maxAgeSeconds };
}
