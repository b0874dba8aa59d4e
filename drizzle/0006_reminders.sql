CREATE TABLE "weekly_summary_deliveries" (
	"user_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "weekly_summary_deliveries_user_id_week_of_pk" PRIMARY KEY("user_id","week_of")
);
--> statement-breakpoint
DROP INDEX "reminder_deliveries_user_idx";--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "in_app_categories" text[] DEFAULT '{requests,changes,attendance,assignments,messages,reminders}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "email_categories" text[] DEFAULT '{requests,changes,messages,reminders}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "push_categories" text[] DEFAULT '{requests,changes,messages,reminders}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "weekly_summary" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "in_app" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "in_app_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "email_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "push_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "weekly_summary_deliveries" ADD CONSTRAINT "weekly_summary_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_deliveries_user_idx" ON "reminder_deliveries" USING btree ("user_id","lesson_starts_at");--> statement-breakpoint
-- The old switches were global: a channel someone had turned off stays off for every category.
UPDATE "notification_preferences" SET "in_app_categories" = '{}' WHERE NOT "in_app";--> statement-breakpoint
UPDATE "notification_preferences" SET "email_categories" = '{}' WHERE NOT "email";--> statement-breakpoint
UPDATE "notification_preferences" SET "push_categories" = '{}' WHERE NOT "push";--> statement-breakpoint
-- Every account has its row from now on (sign-up creates it).
INSERT INTO "notification_preferences" ("user_id") SELECT "id" FROM "users" ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP COLUMN "in_app";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP COLUMN "email";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP COLUMN "push";--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_in_app_allowed" CHECK ("notification_preferences"."in_app_categories" <@ '{requests,changes,attendance,assignments,messages,reminders}'::text[]);--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_email_allowed" CHECK ("notification_preferences"."email_categories" <@ '{requests,changes,attendance,assignments,messages,reminders}'::text[]);--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_push_allowed" CHECK ("notification_preferences"."push_categories" <@ '{requests,changes,attendance,assignments,messages,reminders}'::text[]);