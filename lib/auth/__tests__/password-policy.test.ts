import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password policy", () => {
  it.each(["password", "password1", "12345678", "qwertyuiop", "iloveyou1", "letmein123", "aaaaaaaaaa", "asdfghjkl"])(
    "refuses the common or trivial %s",
    (password) => {
      expect(passwordProblem(password)).toMatch(/too common|easy to guess/);
    },
  );

  it("refuses short passwords and over-long ones", () => {
    expect(passwordProblem("aB3$x")).toMatch(/at least 8/);
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
  });

  it("refuses the user's own name or email", () => {
    expect(passwordProblem("ameliahart", ["Amelia Hart", "amelia.hart@example.com"])).not.toBeNull();
    expect(passwordProblem("amelia.hart@example.com", ["amelia.hart@example.com"])).not.toBeNull();
  });

  it("accepts passphrases and long unusual passwords, with no composition rules", () => {
    for (const password of [
      "scales-before-breakfast",
      "correct horse battery staple",
      "mango tuba sunrise",
      "ωμέγα-λάμδα-κάππα",
      "p".repeat(30) + "🎻🎹",
    ]) {
      expect(passwordProblem(password)).toBeNull();
    }
    expect(passwordProblem("x".repeat(128))).not.toMatch(/at most/);
  });
});

describe("password hashing", () => {
  it("uses argon2id with OWASP parameters and keeps 64+ characters unchanged", async () => {
    const password = ` ${"Long passphrase with spaces ".repeat(3)}and é `;
    const hash = await hashPassword(password);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, password)).toBe(true);
    expect(await verifyPassword(hash, password.trim())).toBe(false);
    expect(await verifyPassword(hash, password.slice(0, 64))).toBe(false);
    expect(await verifyPassword("not a hash", password)).toBe(false);
  });
});
