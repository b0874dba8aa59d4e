import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { resolveSessionUser, sessionFromCookieHeader } from "@/lib/auth/session";
import { authSecret } from "@/lib/secrets";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");

setupTestDatabase();

const ORIGIN = "http://localhost:3000";
const SESSION_COOKIE = "authjs.session-token";

/** A signed-in browser's session cookie, sealed as Auth.js seals it. */
async function sessionCookieFor(user: { id: string; sessionVersion: number }) {
  const token = await encode({
    token: { uid: user.id, sv: user.sessionVersion, sid: crypto.randomUUID(), authTime: Math.floor(Date.now() / 1000) },
    secret: authSecret(),
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}

const cookieValues = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");

describe("Auth.js's own endpoints", () => {
  it("its sign-out endpoint revokes the session, so a copy of the cookie no longer signs anyone in", async () => {
    const user = await createUser();
    const session = await sessionCookieFor(user);
    expect(await resolveSessionUser(await sessionFromCookieHeader(session, authSecret()))).toMatchObject({ id: user.id });

    const csrf = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: { cookie: session } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await POST(
      new NextRequest(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: {
          cookie: `${session}; ${cookieValues(csrf)}`,
          "content-type": "application/x-www-form-urlencoded",
          origin: ORIGIN,
        },
        body: new URLSearchParams({ csrfToken }),
      }),
    );
    expect(response.status).toBeLessThan(400);
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=;`))).toBe(true);
    // The cookie as it was before signing out, replayed: refused.
    expect(await resolveSessionUser(await sessionFromCookieHeader(session, authSecret()))).toBeNull();
  });

  it("its credentials endpoint is closed: passwords go only through the rate-limited sign-in action", async () => {
    const response = await POST(new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, { method: "POST" }));
    expect(response.status).toBe(404);
  });
});
