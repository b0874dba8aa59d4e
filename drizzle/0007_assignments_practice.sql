CREATE TABLE "practice_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"assignment_id" uuid,
	"practiced_on" date NOT NULL,
	"minutes" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_entries_minutes_range" CHECK ("practice_entries"."minutes" between 1 and 720),
	CONSTRAINT "practice_entries_note_length" CHECK ("practice_entries"."note" is null or char_length("practice_entries"."note") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_description_length";--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "practice_goal_minutes" smallint;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "lesson_id" uuid;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "instructions" text;--> statement-breakpoint
-- Descriptions become instructions, which are limited to 4,000 characters.
UPDATE "assignments" SET "instructions" = left("description", 4000) WHERE "description" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "completion_note" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "reopen_comment" text;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_entries_connection_day_idx" ON "practice_entries" USING btree ("connection_id","practiced_on");--> statement-breakpoint
CREATE INDEX "practice_entries_assignment_idx" ON "practice_entries" USING btree ("assignment_id");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_lesson_idx" ON "assignments" USING btree ("lesson_id");--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_practice_goal_range" CHECK ("connections"."practice_goal_minutes" is null or "connections"."practice_goal_minutes" between 1 and 5000);--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_instructions_length" CHECK ("assignments"."instructions" is null or char_length("assignments"."instructions") <= 4000);--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_completion_note_length" CHECK ("assignments"."completion_note" is null or char_length("assignments"."completion_note") <= 1000);--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_reopen_comment_length" CHECK ("assignments"."reopen_comment" is null or char_length("assignments"."reopen_comment") <= 1000);--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_note_only_when_completed" CHECK ("assignments"."completion_note" is null or "assignments"."completed_at" is not null);--> statement-breakpoint
ALTER TABLE "assignments" DROP COLUMN "description";
