-- No teacher and no student can have two non-cancelled lessons that overlap in time.
-- Ranges are half-open ([start, end)), so back-to-back lessons are allowed. Exclusion constraints are
-- checked under concurrency by Postgres itself: of two racing transactions, one waits and then fails
-- with SQLSTATE 23P01. drizzle-kit cannot express EXCLUDE, hence this hand-written migration.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_teacher_no_overlap"
  EXCLUDE USING gist ("teacher_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled');
--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_student_no_overlap"
  EXCLUDE USING gist ("student_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled');
