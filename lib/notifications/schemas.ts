import { z } from "zod";
import { shortenText } from "@/lib/text";
import { idField } from "@/lib/access/ids";
import { NOTIFICATION_CATEGORY_NAMES, NOTIFICATION_TYPES } from "./types";

/** Links stay inside the app: a path, never another origin (`//evil.example` or `/\evil.example`). */
export const inAppLink = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, "must be a path inside the app");

export const NOTIFICATION_TITLE_MAX_LENGTH = 200;
export const NOTIFICATION_BODY_MAX_LENGTH = 1000;

/** Text only gets too long by quoting what a person typed, so it is shortened, never refused. */
export const notificationInputSchema = z.strictObject({
  type: z.enum(NOTIFICATION_TYPES),
  title: z
    .string()
    .trim()
    .min(1)
    .transform((title) => shortenText(title, NOTIFICATION_TITLE_MAX_LENGTH)),
  body: z
    .string()
    .trim()
    .optional()
    .transform((body) => body && shortenText(body, NOTIFICATION_BODY_MAX_LENGTH)),
  link: inAppLink.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export type NotificationInput = z.input<typeof notificationInputSchema>;

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const notificationListQuerySchema = z.strictObject({
  status: z.enum(["all", "unread"]).default("all"),
  category: z.enum(NOTIFICATION_CATEGORY_NAMES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(NOTIFICATIONS_PAGE_SIZE),
});

export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(idField()).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);
