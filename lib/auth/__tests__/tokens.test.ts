import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_LIFETIME_SECONDS, sessionFromToken, sessionTokenCallback } from "@/lib/auth/tokens";

const userId = "5b0c7c1e-8a53-4a4e-9d1b-6f0f1f9e2a11";
const signInAt = Date.parse("2026-11-24T09:00:00Z");

function signedIn() {
  const token = sessionTokenCallback({ token: {}, user: { id: userId, sessionVersion: 3 }, trigger: "signIn", now: signInAt });
  if (!token) throw new Error("sign-in produced no token");
  return token;
}

describe("session token callback", () => {
  it("records the user, session version, a session id and the sign-in time", () => {
    const token = signedIn();
    expect(token).toMatchObject({ uid: userId, sv: 3, authTime: signInAt / 1000 });
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("ignores identity fields a client forges through a session update", () => {
    const token = signedIn();
    const forged = { ...token, uid: "00000000-0000-0000-0000-000000000000", email: "victim@example.com", role: "teacher", sv: 99 };
    // Auth.js merges nothing by itself; what matters is that the callback returns only the stored claims.
    const updated = sessionTokenCallback({ token: { ...token }, trigger: "update", now: signInAt + 60_000 });
    expect(updated).toEqual(token);
    const fromForged = sessionTokenCallback({ token: forged, trigger: "update", now: signInAt + 60_000 });
    expect(fromForged).not.toHaveProperty("email");
    expect(fromForged).not.toHaveProperty("role");
  });

  it("ends the session 12 hours after sign-in however often it is refreshed", () => {
    const token = signedIn();
    const justBefore = signInAt + (SESSION_ABSOLUTE_LIFETIME_SECONDS - 1) * 1000;
    expect(sessionTokenCallback({ token, now: justBefore })).not.toBeNull();
    const after = signInAt + (SESSION_ABSOLUTE_LIFETIME_SECONDS + 1) * 1000;
    expect(sessionTokenCallback({ token, now: after })).toBeNull();
  });

  it("refuses a token without a user or a sign-in time", () => {
    expect(sessionTokenCallback({ token: {} })).toBeNull();
    expect(sessionTokenCallback({ token: { uid: userId } })).toBeNull();
  });

  it("exposes only ids and the version to the session", () => {
    const session = sessionFromToken({
      session: { expires: "2026-11-24T21:00:00.000Z", user: { id: "", name: "x", email: "x@example.com" } } as never,
      token: signedIn(),
    });
    expect(session).toEqual({
      expires: "2026-11-24T21:00:00.000Z",
      user: { id: userId },
      sessionVersion: 3,
      sessionId: expect.any(String),
    });
  });
});
