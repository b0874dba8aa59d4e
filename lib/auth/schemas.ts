import { z } from "zod";

export const PASSWORD_MAX_LENGTH = 128;

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** Paths we may send a user back to after signing in: same-site, absolute paths only. */
export const callbackPath = z
  .string()
  .max(512)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .optional()
  .catch(undefined);

const credentialFields = {
  email: emailField,
  // Never trimmed: spaces are part of a password.
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, "That password is too long."),
};

/** The sign-in form. */
export const signInSchema = z.strictObject({ ...credentialFields, callbackUrl: callbackPath });

/** What Auth.js hands the Credentials provider: our fields plus its own (redirectTo, csrfToken), which are ignored. */
export const credentialsSchema = z.object(credentialFields);

/** A 6-digit emailed code; spaces and dashes people type or paste are ignored. */
export const twoFactorCodeField = z
  .string({ error: "Enter the 6-digit code from the email." })
  .max(20, "Enter the 6-digit code from the email.")
  .transform((code) => code.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6 digits from the email."));

export const twoFactorSignInSchema = z.strictObject({
  code: twoFactorCodeField,
  trustDevice: z.literal("on").optional(),
  callbackUrl: callbackPath,
});

export const twoFactorEnrolmentSchema = z.strictObject({ code: twoFactorCodeField });

export const currentPasswordSchema = z.strictObject({
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, "That password is too long."),
});
