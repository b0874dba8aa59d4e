CREATE TABLE "conversation_reads" (
	"connection_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_seq" bigint DEFAULT 0 NOT NULL,
	"emailed_through_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_reads_connection_id_user_id_pk" PRIMARY KEY("connection_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_body_length";--> statement-breakpoint
DROP INDEX "messages_unread_idx";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_reads_user_idx" ON "conversation_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "messages_body_search_idx" ON "messages" USING gin (to_tsvector('simple', "body"));--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_unread_group_key" ON "notifications" USING btree ("user_id",("data" ->> 'group')) WHERE "notifications"."read_at" is null and ("notifications"."data" ->> 'group') is not null;--> statement-breakpoint
-- Read state moves from each message to each participant: what the recipient had read is kept.
INSERT INTO "conversation_reads" ("connection_id", "user_id", "last_read_seq")
SELECT "m"."connection_id", CASE WHEN "m"."sender_id" = "c"."teacher_id" THEN "c"."student_id" ELSE "c"."teacher_id" END, max("m"."seq")
FROM "messages" "m" JOIN "connections" "c" ON "c"."id" = "m"."connection_id"
WHERE "m"."read_at" IS NOT NULL AND "c"."student_id" IS NOT NULL
GROUP BY 1, 2;--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "read_at";--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_length" CHECK ("messages"."deleted_at" is not null or char_length("messages"."body") between 1 and 4000);