import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionFromCookieHeader } from "@/lib/auth/session";
import { SESSION_ABSOLUTE_LIFETIME_SECONDS } from "@/lib/auth/tokens";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const COOKIE = "authjs.session-token";
const USER_ID = "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b";
const SESSION_ID = "5e55e55e-5e55-4e55-8e55-5e55e55e5e55";
const nowSeconds = () => Math.floor(Date.now() / 1000);

const tokenFor = (claims: Record<string, unknown>, salt = COOKIE, secret = SECRET) =>
  encode({ token: { uid: USER_ID, sv: 3, sid: SESSION_ID, authTime: nowSeconds(), ...claims }, secret, salt });

describe("sessionFromCookieHeader", () => {
  it("reads the session Auth.js wrote: user, session version and session id", async () => {
    const session = await sessionFromCookieHeader(`theme=dark; ${COOKIE}=${await tokenFor({})}`, SECRET);
    expect(session).toMatchObject({ user: { id: USER_ID }, sessionVersion: 3, sessionId: SESSION_ID });
    expect(Date.parse(session!.expires)).toBeGreaterThan(Date.now());
  });

  it("reads the __Secure- cookie used over HTTPS", async () => {
    const name = `__Secure-${COOKIE}`;
    expect((await sessionFromCookieHeader(`${name}=${await tokenFor({}, name)}`, SECRET))?.user.id).toBe(USER_ID);
  });

  it("refuses a token sealed with another secret, for another cookie name, or altered", async () => {
    const token = await tokenFor({});
    expect(
      await sessionFromCookieHeader(`${COOKIE}=${await tokenFor({}, COOKIE, "another-secret-that-is-long-enough-987654")}`, SECRET),
    ).toBeNull();
    expect(await sessionFromCookieHeader(`${COOKIE}=${await tokenFor({}, `__Secure-${COOKIE}`)}`, SECRET)).toBeNull();
    expect(await sessionFromCookieHeader(`${COOKIE}=${token.slice(0, -4)}AAAA`, SECRET)).toBeNull();
  });

  it("ends a session past its absolute lifetime however often it was refreshed", async () => {
    const old = await tokenFor({ authTime: nowSeconds() - SESSION_ABSOLUTE_LIFETIME_SECONDS - 60 });
    expect(await sessionFromCookieHeader(`${COOKIE}=${old}`, SECRET)).toBeNull();
  });

  it("answers null without a session cookie, and ignores a token that is not in one", async () => {
    expect(await sessionFromCookieHeader("", SECRET)).toBeNull();
    expect(await sessionFromCookieHeader(`other=${await tokenFor({})}`, SECRET)).toBeNull();
  });
});
