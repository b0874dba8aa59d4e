import NextAuth, { type NextAuthConfig, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { findUserById, verifyCredentials } from "@/lib/auth/credentials";
import { credentialsSchema } from "@/lib/auth/schemas";
import { requestCookie } from "@/lib/auth/cookies";
import { revokeSession } from "@/lib/auth/session";
import { needsSecondFactor, readPendingSignIn, redeemSignInTicket, TRUSTED_DEVICE_COOKIE } from "@/lib/auth/two-factor";
import { SESSION_ABSOLUTE_LIFETIME_SECONDS, sessionFromToken, sessionTokenCallback } from "@/lib/auth/tokens";
import { authSecret } from "@/lib/secrets";

declare module "next-auth" {
  interface Session {
    user: { id: string };
    sessionVersion: number;
    sessionId: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

// Built per request (lazy), so `next build` needs no secret and no database.
export const { handlers, auth, signIn, signOut } = NextAuth((): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A wrong password is an expected answer, not a server error worth a stack trace.
    error(error) {
      // `type`, not `name`: class names are minified in production builds.
      const type = (error as { type?: string }).type ?? error.name;
      if (type !== "CredentialsSignin") console.error(`[auth] ${type}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        // A password alone never opens a session for a two-step account (no skipping the code step by posting here).
        if (!user || (await needsSecondFactor(user, requestCookie(request, TRUSTED_DEVICE_COOKIE)))) return null;
        return { id: user.id, sessionVersion: user.sessionVersion };
      },
    }),
    Credentials({
      id: "two-factor",
      credentials: { ticket: {} },
      async authorize(raw) {
        const challengeId = typeof raw.ticket === "string" ? readPendingSignIn(raw.ticket) : null;
        const userId = challengeId ? await redeemSignInTicket(challengeId) : null;
        const user = userId ? await findUserById(userId) : undefined;
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: { jwt: sessionTokenCallback, session: sessionFromToken },
  events: {
    // Auth.js's own sign-out endpoint ends the session for good, like the app's sign-out: clearing the cookie alone
    // would leave a copied cookie working until it expires.
    async signOut(message) {
      if ("token" in message && message.token) {
        await revokeSession(sessionFromToken({ session: { expires: "" } as Session, token: message.token }));
      }
    },
  },
}));
