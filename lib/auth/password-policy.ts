import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

let estimator: ZxcvbnFactory | undefined;

export const passwordLength = (password: string) => [...password].length;

/** NIST/ASVS: 8–128 characters, no composition rules, nothing a guesser tries early. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const inputs = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^a-z0-9]+/)]).filter((part) => part.length >= 3);
  if (inputs.some((input) => password.toLowerCase() === input.toLowerCase())) {
    return "Don't use your name or email address as your password.";
  }
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // Long passphrases are accepted as they are; the estimator is for short, guessable ones.
  const result = estimator.check(password.slice(0, 100), inputs);
  if (result.score < 2) {
    return "This password is too common or easy to guess. Try a few unrelated words together.";
  }
  return null;
}
