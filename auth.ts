import { randomUUID } from "node:crypto";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/auth/credentials";
import { credentialsSchema } from "@/lib/auth/schemas";
import { authSecret } from "@/lib/secrets";

/** Sessions end 12 hours after sign-in, however often they are refreshed. */
export const SESSION_ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;

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

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    authTime?: number;
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
      if (error.name !== "CredentialsSignin") console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger }) {
      if (trigger === "signIn" && user?.id) {
        // Only these claims identify the session; nothing the client sends on `update` can change them.
        return {
          uid: user.id,
          sv: user.sessionVersion ?? 1,
          sid: randomUUID(),
          authTime: Math.floor(Date.now() / 1000),
        };
      }
      const age = Math.floor(Date.now() / 1000) - (token.authTime ?? 0);
      if (!token.uid || age > SESSION_ABSOLUTE_LIFETIME_SECONDS) return null;
      return { uid: token.uid, sv: token.sv, sid: token.sid, authTime: token.authTime };
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        user: { id: token.uid ?? "" },
        sessionVersion: token.sv ?? 0,
        sessionId: token.sid ?? "",
      } as typeof session;
    },
  },
}));
