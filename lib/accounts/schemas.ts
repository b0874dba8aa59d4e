import { z } from "zod";
import { userRoles } from "@/db/schema";
import { emailField } from "@/lib/auth/schemas";
import { requiredText, singleLineText } from "@/lib/text";
import { isValidTimeZone } from "@/lib/time";
import { NAME_MAX_LENGTH, PHONE_MAX_LENGTH } from "./limits";

export const nameField = requiredText(singleLineText("Your name", NAME_MAX_LENGTH), "Enter your name.");

export const timezoneField = z
  .string({ error: "Choose your timezone." })
  .trim()
  .min(1, "Choose your timezone.")
  .refine(isValidTimeZone, "Choose a timezone from the list, like Europe/London.");

const PHONE_CHARACTERS = /^[0-9 +()-]+$/;
const digitCount = (phone: string) => phone.replace(/[^0-9]/g, "").length;

/** Loose on purpose: digits, spaces, +, -, and brackets, with 6 to 20 digits. Empty means none. */
export const phoneField = z
  .string()
  .trim()
  .max(PHONE_MAX_LENGTH, "That phone number is too long.")
  .refine(
    (phone) => phone === "" || (PHONE_CHARACTERS.test(phone) && digitCount(phone) >= 6 && digitCount(phone) <= 20),
    "Enter a phone number with 6 to 20 digits, like +44 20 7946 0321.",
  )
  .transform((phone) => (phone === "" ? null : phone));

// The length rules live in the password policy, which words them for people; this only bounds the input.
export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(1, "Choose a password.")
  .max(1000, "Use at most 128 characters.");

/** A token from an emailed link: 32 random bytes in base64url. */
const linkTokenField = (message: string) => z.string({ error: message }).regex(/^[A-Za-z0-9_-]{43}$/, message);

export const signUpSchema = z.strictObject({
  role: z.enum(userRoles, { error: "Choose whether you teach or learn." }),
  name: nameField,
  email: emailField,
  password: newPasswordField,
  timezone: timezoneField,
  phone: phoneField.optional(),
});

export type SignUpInput = z.input<typeof signUpSchema>;

export const verifyEmailSchema = z.strictObject({
  token: linkTokenField("This link is not valid. Request a new one from the banner in the app."),
});

export const forgotPasswordSchema = z.strictObject({ email: emailField });

export const resetPasswordSchema = z.strictObject({
  token: linkTokenField("This link is not valid. Ask for a new one."),
  password: newPasswordField,
});
