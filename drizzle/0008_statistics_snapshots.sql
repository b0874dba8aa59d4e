CREATE TABLE "statistics_snapshots" (
	"user_id" uuid NOT NULL,
	"weeks" smallint NOT NULL,
	"zone" text NOT NULL,
	"version" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "statistics_snapshots_user_id_weeks_pk" PRIMARY KEY("user_id","weeks")
);
--> statement-breakpoint
CREATE TABLE "statistics_versions" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statistics_snapshots" ADD CONSTRAINT "statistics_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Raises the statistics version of each user once, in id order, so concurrent writers lock version rows in one order.
CREATE FUNCTION "bump_statistics_versions"(user_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO statistics_versions (user_id, version)
  SELECT DISTINCT id, 1 FROM unnest(user_ids) AS id WHERE id IS NOT NULL ORDER BY id
  ON CONFLICT (user_id) DO UPDATE SET version = statistics_versions.version + 1
$$;
--> statement-breakpoint
-- Statement-level: a series or a bulk insert raises each party's version once, not once per row. Only the columns the
-- statistics read count as a change.
CREATE FUNCTION "lessons_statistics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_statistics_versions(ARRAY(SELECT unnest(ARRAY[teacher_id, student_id]) FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_statistics_versions(ARRAY(SELECT unnest(ARRAY[teacher_id, student_id]) FROM old_rows));
  ELSE
    PERFORM bump_statistics_versions(ARRAY(
      SELECT unnest(ARRAY[o.teacher_id, o.student_id, n.teacher_id, n.student_id])
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.connection_id, o.starts_at, o.status, o.attendance, o.cancelled_by_id)
        IS DISTINCT FROM (n.connection_id, n.starts_at, n.status, n.attendance, n.cancelled_by_id)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lessons_statistics_insert" AFTER INSERT ON "lessons" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lessons_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "lessons_statistics_update" AFTER UPDATE ON "lessons" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lessons_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "lessons_statistics_delete" AFTER DELETE ON "lessons" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lessons_statistics_changed();
--> statement-breakpoint
CREATE FUNCTION "connections_statistics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_statistics_versions(ARRAY(SELECT unnest(ARRAY[teacher_id, student_id]) FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_statistics_versions(ARRAY(SELECT unnest(ARRAY[teacher_id, student_id]) FROM old_rows));
  ELSE
    PERFORM bump_statistics_versions(ARRAY(
      SELECT unnest(ARRAY[o.teacher_id, o.student_id, n.teacher_id, n.student_id])
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status, o.student_id) IS DISTINCT FROM (n.status, n.student_id)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "connections_statistics_insert" AFTER INSERT ON "connections" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connections_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "connections_statistics_update" AFTER UPDATE ON "connections" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connections_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "connections_statistics_delete" AFTER DELETE ON "connections" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connections_statistics_changed();
--> statement-breakpoint
-- Practice and assignments name their connection; its parties are the users to raise. A row whose connection is being
-- deleted finds none, and the connection's own trigger raises them.
CREATE FUNCTION "connection_rows_statistics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_statistics_versions(ARRAY(
      SELECT unnest(ARRAY[c.teacher_id, c.student_id]) FROM connections c WHERE c.id IN (SELECT connection_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_statistics_versions(ARRAY(
      SELECT unnest(ARRAY[c.teacher_id, c.student_id]) FROM connections c WHERE c.id IN (SELECT connection_id FROM old_rows)));
  ELSE
    PERFORM bump_statistics_versions(ARRAY(
      SELECT unnest(ARRAY[c.teacher_id, c.student_id]) FROM connections c
      WHERE c.id IN (SELECT connection_id FROM old_rows UNION SELECT connection_id FROM new_rows)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "practice_entries_statistics_insert" AFTER INSERT ON "practice_entries" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connection_rows_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "practice_entries_statistics_update" AFTER UPDATE ON "practice_entries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connection_rows_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "practice_entries_statistics_delete" AFTER DELETE ON "practice_entries" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connection_rows_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "assignments_statistics_insert" AFTER INSERT ON "assignments" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connection_rows_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "assignments_statistics_update" AFTER UPDATE ON "assignments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connection_rows_statistics_changed();
--> statement-breakpoint
CREATE TRIGGER "assignments_statistics_delete" AFTER DELETE ON "assignments" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION connection_rows_statistics_changed();
--> statement-breakpoint
-- A renamed user appears under the new name in the statistics of everyone connected to them.
CREATE FUNCTION "users_statistics_renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_statistics_versions(ARRAY(
    SELECT unnest(ARRAY[c.teacher_id, c.student_id]) FROM connections c WHERE c.teacher_id = NEW.id OR c.student_id = NEW.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_statistics_renamed" AFTER UPDATE OF "name" ON "users"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION users_statistics_renamed();
