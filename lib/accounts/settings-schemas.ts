import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";
import { multiLineText, nullableText, singleLineText } from "@/lib/text";
import { BIO_MAX_LENGTH, INSTRUMENT_MAX_LENGTH, INSTRUMENTS_MAX_COUNT } from "./limits";
import { nameField, phoneField, timezoneField } from "./schemas";

// Passwords are never trimmed; the length bound only stops absurd input before argon2 sees it.
const currentPasswordField = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(1000, "That password is too long.");

const bioField = nullableText(multiLineText("Your bio", BIO_MAX_LENGTH));

/** The chips input joins instruments with commas; domain callers may pass an array. */
const instrumentsField = z
  .union([z.string().max(2000, "That list is too long."), z.array(z.string().max(200, "That instrument name is too long.")).max(50)])
  .transform((value) => {
    const names = (Array.isArray(value) ? value : value.split(",")).map((name) => name.trim().replace(/ +/g, " ")).filter(Boolean);
    return names.filter((name, index) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index);
  })
  .pipe(
    z
      .array(singleLineText("Each instrument", INSTRUMENT_MAX_LENGTH))
      .max(INSTRUMENTS_MAX_COUNT, `List at most ${INSTRUMENTS_MAX_COUNT} instruments.`),
  )
  .transform((names) => names.filter(Boolean));

export const profileSchema = z.strictObject({
  name: nameField,
  phone: phoneField.optional().prefault(""),
  timezone: timezoneField,
  bio: bioField.optional().prefault(""),
  instruments: instrumentsField.optional().default([]),
});

export const emailChangeSchema = z.strictObject({
  newEmail: emailField,
  currentPassword: currentPasswordField,
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: currentPasswordField,
  // The policy words the length rules for people; this only bounds the input.
  newPassword: z.string({ error: "Choose a new password." }).min(1, "Choose a new password.").max(1000, "Use at most 128 characters."),
});

const confirmedField = z.literal("yes", { error: "Confirm that you want to do this." });

export const signOutEverywhereSchema = z.strictObject({ confirm: confirmedField });

export const deleteAccountSchema = z.strictObject({
  currentPassword: currentPasswordField,
  confirm: confirmedField,
});

export type ProfileInput = z.input<typeof profileSchema>;
