import { randomUUID } from "node:crypto";
import { signUp } from "@/lib/accounts/sign-up";
import { settleBackgroundWork } from "@/lib/background";
import { beginSignIn } from "@/lib/auth/sign-in";
import { createUser } from "@/tests/factories";
import { installForDomainCode, type BenchDatabase } from "./database";

export interface EnumerationFigures {
  /** Median wall-clock time, in ms, of an attempt with a registered email and with an unknown one. */
  signIn: { known: number; unknown: number };
  signUp: { known: number; unknown: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * T12's timing half: the unit tests check that both paths give the same answer and hash exactly once; whether the
 * two take the same time is a wall-clock figure, so it is measured here, interleaved so that drifting load hits both.
 */
async function compare(knownEmails: string[], attempt: (email: string) => Promise<unknown>) {
  const timings = { known: [] as number[], unknown: [] as number[] };
  // The first attempt of each kind warms up what is made once (the dummy hash for unknown emails).
  for (let trial = -1; trial < knownEmails.length - 1; trial++) {
    for (const kind of ["known", "unknown"] as const) {
      const email = kind === "known" ? knownEmails[trial + 1]! : `ghost-${randomUUID()}@example.com`;
      const start = performance.now();
      await attempt(email);
      const elapsed = performance.now() - start;
      await settleBackgroundWork();
      if (trial >= 0) timings[kind].push(elapsed);
    }
  }
  return { known: median(timings.known), unknown: median(timings.unknown) };
}

export async function measureEnumeration(database: BenchDatabase, trials: number): Promise<EnumerationFigures> {
  installForDomainCode(database);
  // One account per trial: repeated wrong passwords on one account would meet its lockout, which is not what is timed.
  const accounts = async () => (await Promise.all(Array.from({ length: trials + 1 }, () => createUser()))).map((user) => user.email);
  const signIn = await compare(await accounts(), (email) => beginSignIn({ email, password: "not the password at all" }, undefined));
  const signUpFigures = await compare(await accounts(), (email) =>
    signUp({ role: "student", name: "Timing Bench", email, password: "a quiet sonata for two", timezone: "Europe/London" }, "unknown"),
  );
  return { signIn, signUp: signUpFigures };
}
