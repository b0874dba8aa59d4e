import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./columns";

export const userRoles = ["teacher", "student"] as const;
export const userRole = pgEnum("user_role", userRoles);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    timezone: text().notNull(),
    phone: text(),
    bio: text(),
    instruments: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    passwordHash: text().notNull(),
    emailVerifiedAt: instant(),
    twoFactorEnabled: boolean().notNull().default(false),
    /** Bumped to revoke every session issued before: sessions carry the version they were issued with. */
    sessionVersion: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check("users_email_length", sql`char_length(${t.email}) between 3 and 254`),
    check("users_name_length", sql`char_length(${t.name}) between 1 and 100`),
    check("users_bio_length", sql`${t.bio} is null or char_length(${t.bio}) <= 2000`),
    check("users_phone_length", sql`${t.phone} is null or char_length(${t.phone}) <= 30`),
    check("users_instruments_count", sql`cardinality(${t.instruments}) <= 10`),
    check("users_session_version_positive", sql`${t.sessionVersion} > 0`),
  ],
);

export const twoFactorPurposes = ["sign_in", "enable"] as const;
export const twoFactorPurpose = pgEnum("two_factor_purpose", twoFactorPurposes);

export const twoFactorChallenges = pgTable(
  "two_factor_challenges",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: twoFactorPurpose().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    consumedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    index("two_factor_challenges_user_idx").on(t.userId, t.createdAt),
    index("two_factor_challenges_expires_idx").on(t.expiresAt),
    check("two_factor_challenges_attempts_range", sql`${t.attempts} between 0 and 100`),
  ],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    sessionVersion: integer().notNull(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId), index("password_reset_tokens_expires_idx").on(t.expiresAt)],
);

export const emailVerificationTokens = pgTable(
  "email_verification_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [index("email_verification_tokens_user_idx").on(t.userId), index("email_verification_tokens_expires_idx").on(t.expiresAt)],
);

export const trustedDevices = pgTable(
  "trusted_devices",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("trusted_devices_user_idx").on(t.userId), index("trusted_devices_expires_idx").on(t.expiresAt)],
);

/** A JWT cannot be recalled, and a request racing the sign-out can write the cookie back, so the id is refused until expiry. */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("revoked_sessions_user_idx").on(t.userId), index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

export const usersRelations = relations(users, ({ many }) => ({
  twoFactorChallenges: many(twoFactorChallenges),
  passwordResetTokens: many(passwordResetTokens),
  emailVerificationTokens: many(emailVerificationTokens),
  trustedDevices: many(trustedDevices),
}));

export const twoFactorChallengesRelations = relations(twoFactorChallenges, ({ one }) => ({
  user: one(users, { fields: [twoFactorChallenges.userId], references: [users.id] }),
}));

export const passwordResetTokensRelations = relations(passwordResetTokens, ({ one }) => ({
  user: one(users, { fields: [passwordResetTokens.userId], references: [users.id] }),
}));

export const emailVerificationTokensRelations = relations(emailVerificationTokens, ({ one }) => ({
  user: one(users, { fields: [emailVerificationTokens.userId], references: [users.id] }),
}));

export const trustedDevicesRelations = relations(trustedDevices, ({ one }) => ({
  user: one(users, { fields: [trustedDevices.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRoles)[number];
