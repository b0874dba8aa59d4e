import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";
import { nameField, phoneField, timezoneField } from "./schemas";

export const BIO_MAX_LENGTH = 2000;
export const INSTRUMENT_MAX_LENGTH = 40;
export const INSTRUMENTS_MAX_COUNT = 10;

/** Characters as people count them (code points), as Postgres' char_length does. */
const characterCount = (text: string) => [...text].length;

// Passwords are never trimmed; the length bound only stops absurd input before argon2 sees it.
const currentPasswordField = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(1000, "That password is too long.");

const bioField = z
  .string()
  .trim()
  .refine((bio) => characterCount(bio) <= BIO_MAX_LENGTH, `Keep your bio to ${BIO_MAX_LENGTH} characters.`)
  .transform((bio) => (bio === "" ? null : bio));

/**
 * The form sends instruments as one comma-separated value (the chips input joins them); domain callers
 * may pass an array. Duplicates are dropped, ignoring case.
 */
const instrumentsField = z
  .union([z.string().max(2000, "That list is too long."), z.array(z.string().max(200, "That instrument name is too long.")).max(50)])
  .transform((value) => {
    const names = (Array.isArray(value) ? value : value.split(",")).map((name) => name.trim().replace(/\s+/g, " ")).filter(Boolean);
    return names.filter((name, index) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index);
  })
  .pipe(
    z
      .array(
        z
          .string()
          .refine((name) => characterCount(name) <= INSTRUMENT_MAX_LENGTH, `Keep each instrument to ${INSTRUMENT_MAX_LENGTH} characters.`)
          .refine((name) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(name), "Use letters, spaces and punctuation only."),
      )
      .max(INSTRUMENTS_MAX_COUNT, `List at most ${INSTRUMENTS_MAX_COUNT} instruments.`),
  );

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

/** The explicit "yes" of a confirmation step. */
const confirmedField = z.literal("yes", { error: "Confirm that you want to do this." });

export const signOutEverywhereSchema = z.strictObject({ confirm: confirmedField });

export const deleteAccountSchema = z.strictObject({
  currentPassword: currentPasswordField,
  confirm: confirmedField,
});

export type ProfileInput = z.input<typeof profileSchema>;
