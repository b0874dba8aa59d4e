CREATE TYPE "public"."booking_mode" AS ENUM('request', 'direct');--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "booking_mode" "booking_mode" DEFAULT 'request' NOT NULL;