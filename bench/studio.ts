import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";

export type RawQuery = (text: string, params?: unknown[]) => Promise<unknown>;

export interface StudioScale {
  teachers: number;
  studentsPerTeacher: number;
  weeksPast: number;
  weeksAhead: number;
}

export const BUSY_TEACHER: StudioScale = { teachers: 1, studentsPerTeacher: 60, weeksPast: 52, weeksAhead: 12 };

export const lessonsAt = (scale: StudioScale) => scale.teachers * scale.studentsPerTeacher * (scale.weeksPast + scale.weeksAhead);

export function scaleForLessons(lessons: number): StudioScale {
  return { ...BUSY_TEACHER, teachers: Math.max(1, Math.round(lessons / lessonsAt(BUSY_TEACHER))) };
}

export const BENCH_PASSWORD = "bench-studio-password-1";
export const busyTeacherEmail = (teacher = 0) => `teacher${teacher}@bench.musbook.test`;

export interface Studio {
  busyTeacherId: string;
  email: string;
  password: string;
  rows: Record<string, number>;
  seconds: number;
}

const WEEK = 7 * 86_400_000;
const MINUTE = 60_000;
const PENDING_REQUESTS_PER_TEACHER = 30;
const PENDING_MOVES_PER_TEACHER = 5;
const MESSAGES_PER_CONNECTION = 10;
const NOTIFICATIONS_PER_TEACHER = 100;
const EVENTS_PER_TEACHER = 20;
const ROWS_PER_STATEMENT = 20_000;

interface Batch {
  table: string;
  columns: [string, string][];
  rows: unknown[][];
}

const batch = (table: string, columns: [string, string][]): Batch => ({ table, columns, rows: [] });

/** One parameter per column whatever the row count, so a million lessons take fifty statements. */
async function flush(query: RawQuery, { table, columns, rows }: Batch, counts: Record<string, number>): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    const params = columns.map((_, column) => arrayLiteral(chunk.map((row) => row[column] ?? null)));
    await query(`insert into "${table}" (${names}) select * from unnest(${arrays})`, params);
  }
  counts[table] = (counts[table] ?? 0) + rows.length;
  rows.length = 0;
}

/** So both drivers send each column as one text parameter whatever its element type. */
const arrayLiteral = (values: unknown[]) =>
  `{${values.map((value) => (value === null ? "NULL" : `"${String(value).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`)).join(",")}}`;

const iso = (time: number) => new Date(time).toISOString();

function weekStart(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return midnight - ((now.getUTCDay() + 6) % 7) * 86_400_000;
}

/** Student k's slot is weekday k mod 5 in 40-minute steps, so no lessons overlap and the exclusion constraints hold. One teacher at a time keeps memory flat. */
export async function generateStudio(query: RawQuery, scale: StudioScale, now = new Date()): Promise<Studio> {
  const started = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const counts: Record<string, number> = {};
  const base = weekStart(now);
  const nowTime = now.getTime();
  const verified = iso(nowTime - 400 * 86_400_000);
  let busyTeacherId = "";

  const users = batch("users", [
    ["id", "uuid"],
    ["email", "text"],
    ["name", "text"],
    ["role", "user_role"],
    ["timezone", "text"],
    ["password_hash", "text"],
    ["email_verified_at", "timestamptz"],
  ]);
  const connections = batch("connections", [
    ["id", "uuid"],
    ["teacher_id", "uuid"],
    ["student_id", "uuid"],
    ["invited_email", "text"],
    ["status", "connection_status"],
    ["invited_at", "timestamptz"],
    ["responded_at", "timestamptz"],
  ]);
  const series = batch("lesson_series", [
    ["id", "uuid"],
    ["connection_id", "uuid"],
    ["interval_weeks", "int2"],
    ["timezone", "text"],
    ["local_start_time", "time"],
    ["duration_minutes", "int4"],
  ]);
  const lessons = batch("lessons", [
    ["id", "uuid"],
    ["connection_id", "uuid"],
    ["teacher_id", "uuid"],
    ["student_id", "uuid"],
    ["series_id", "uuid"],
    ["starts_at", "timestamptz"],
    ["ends_at", "timestamptz"],
    ["status", "lesson_status"],
    ["attendance", "attendance"],
    ["cancelled_at", "timestamptz"],
    ["cancelled_by_id", "uuid"],
    ["cancellation_reason", "text"],
  ]);
  const requests = batch("lesson_requests", [
    ["id", "uuid"],
    ["connection_id", "uuid"],
    ["requested_by_id", "uuid"],
    ["starts_at", "timestamptz"],
    ["duration_minutes", "int4"],
    ["timezone", "text"],
    ["note", "text"],
  ]);
  const moves = batch("reschedule_requests", [
    ["id", "uuid"],
    ["lesson_id", "uuid"],
    ["proposed_by_id", "uuid"],
    ["from_starts_at", "timestamptz"],
    ["from_ends_at", "timestamptz"],
    ["new_starts_at", "timestamptz"],
    ["new_ends_at", "timestamptz"],
    ["reason", "text"],
  ]);
  const events = batch("calendar_events", [
    ["id", "uuid"],
    ["owner_id", "uuid"],
    ["title", "text"],
    ["starts_at", "timestamptz"],
    ["ends_at", "timestamptz"],
  ]);
  const messages = batch("messages", [
    ["id", "uuid"],
    ["connection_id", "uuid"],
    ["sender_id", "uuid"],
    ["client_message_id", "uuid"],
    ["body", "text"],
    ["created_at", "timestamptz"],
  ]);
  const assignments = batch("assignments", [
    ["id", "uuid"],
    ["connection_id", "uuid"],
    ["title", "text"],
    ["due_at", "timestamptz"],
    ["completed_at", "timestamptz"],
  ]);
  const practice = batch("practice_entries", [
    ["id", "uuid"],
    ["connection_id", "uuid"],
    ["practiced_on", "date"],
    ["minutes", "int2"],
  ]);
  const notes = batch("teacher_notes", [
    ["id", "uuid"],
    ["connection_id", "uuid"],
    ["body", "text"],
  ]);
  const notifications = batch("notifications", [
    ["id", "uuid"],
    ["user_id", "uuid"],
    ["type", "text"],
    ["title", "text"],
    ["body", "text"],
    ["link", "text"],
    ["read_at", "timestamptz"],
    ["created_at", "timestamptz"],
  ]);
  const tables = [users, connections, series, lessons, requests, moves, events, messages, assignments, practice, notes, notifications];

  for (let teacher = 0; teacher < scale.teachers; teacher++) {
    const teacherId = randomUUID();
    if (teacher === 0) busyTeacherId = teacherId;
    users.rows.push([teacherId, busyTeacherEmail(teacher), `Teacher ${teacher}`, "teacher", "Europe/London", passwordHash, verified]);
    const futureLessons: { id: string; start: number; end: number; studentId: string }[] = [];

    for (let student = 0; student < scale.studentsPerTeacher; student++) {
      const studentId = randomUUID();
      const connectionId = randomUUID();
      const seriesId = randomUUID();
      const slotMinutes = 8 * 60 + Math.floor(student / 5) * 40;
      const firstStart = base + (student % 5) * 86_400_000 + slotMinutes * MINUTE - scale.weeksPast * WEEK;
      const email = `s${teacher}-${student}@bench.musbook.test`;
      users.rows.push([studentId, email, `Student ${teacher}-${student}`, "student", "America/New_York", passwordHash, verified]);
      connections.rows.push([connectionId, teacherId, studentId, email, "accepted", iso(firstStart - WEEK), iso(firstStart - WEEK)]);
      const localTime = `${String(Math.floor(slotMinutes / 60)).padStart(2, "0")}:${String(slotMinutes % 60).padStart(2, "0")}`;
      series.rows.push([seriesId, connectionId, 1, "UTC", localTime, 30]);

      for (let week = 0; week < scale.weeksPast + scale.weeksAhead; week++) {
        const start = firstStart + week * WEEK;
        const end = start + 30 * MINUTE;
        const id = randomUUID();
        const cancelled = (student + week) % 25 === 3;
        const past = end <= nowTime;
        const attendance = past && !cancelled ? (["absent", "late", "excused"][(student + week) % 20] ?? "present") : null;
        const status = cancelled ? "cancelled" : attendance ? "completed" : "scheduled";
        lessons.rows.push([
          id,
          connectionId,
          teacherId,
          studentId,
          seriesId,
          iso(start),
          iso(end),
          status,
          attendance,
          cancelled ? iso(start - 2 * 86_400_000) : null,
          cancelled ? teacherId : null,
          cancelled ? "Unwell" : null,
        ]);
        if (!past && !cancelled) futureLessons.push({ id, start, end, studentId });
        if (past) {
          // A week's assignment (done on time, late or not at all) and three days of practice after each lesson.
          const dueAt = start + 6 * 86_400_000;
          const outcome = (student + week) % 7;
          const completedAt = outcome < 5 ? dueAt - 3_600_000 : outcome === 5 ? dueAt + 86_400_000 : null;
          assignments.rows.push([
            randomUUID(),
            connectionId,
            `Week ${week} pieces`,
            iso(dueAt),
            completedAt === null ? null : iso(completedAt),
          ]);
          for (const day of [1, 2, 4]) {
            if (start + day * 86_400_000 > nowTime) continue;
            practice.rows.push([
              randomUUID(),
              connectionId,
              iso(start + day * 86_400_000).slice(0, 10),
              15 + ((student + week + day) % 4) * 10,
            ]);
          }
        }
      }

      if (student < PENDING_REQUESTS_PER_TEACHER) {
        const start =
          student % 2 === 0 ? firstStart + (scale.weeksPast + 3) * WEEK : base + 3 * WEEK + 5 * 86_400_000 + slotMinutes * MINUTE;
        requests.rows.push([randomUUID(), connectionId, studentId, iso(start), 30, "America/New_York", "Could we add one?"]);
      }
      for (let message = 0; message < MESSAGES_PER_CONNECTION; message++) {
        const fromStudent = message % 2 === 0 || message >= MESSAGES_PER_CONNECTION - 2;
        const sentAt = nowTime - (MESSAGES_PER_CONNECTION - message) * 3_600_000;
        messages.rows.push([
          randomUUID(),
          connectionId,
          fromStudent ? studentId : teacherId,
          randomUUID(),
          `Message ${message} about the scales`,
          iso(sentAt),
        ]);
      }
      assignments.rows.push([randomUUID(), connectionId, "Scales in all keys", iso(nowTime + 5 * 86_400_000), null]);
      assignments.rows.push([randomUUID(), connectionId, "Sight-reading", iso(nowTime - 9 * 86_400_000), iso(nowTime - 10 * 86_400_000)]);
      notes.rows.push([randomUUID(), connectionId, "Working on relaxed wrists."]);
    }

    for (const lesson of futureLessons.slice(0, PENDING_MOVES_PER_TEACHER)) {
      moves.rows.push([
        randomUUID(),
        lesson.id,
        lesson.studentId,
        iso(lesson.start),
        iso(lesson.end),
        iso(lesson.start + 86_400_000 + 12 * 60 * MINUTE),
        iso(lesson.end + 86_400_000 + 12 * 60 * MINUTE),
        "Exam clash",
      ]);
    }
    for (let event = 0; event < EVENTS_PER_TEACHER; event++) {
      const start = base + (event - EVENTS_PER_TEACHER / 2) * WEEK + 5 * 86_400_000 + 17 * 60 * MINUTE;
      events.rows.push([randomUUID(), teacherId, "Orchestra rehearsal", iso(start), iso(start + 2 * 60 * MINUTE)]);
    }
    for (let notification = 0; notification < NOTIFICATIONS_PER_TEACHER; notification++) {
      const createdAt = nowTime - notification * 3_600_000;
      notifications.rows.push([
        randomUUID(),
        teacherId,
        "lesson.requested",
        "New lesson request",
        "A student asked for a lesson.",
        "/lessons",
        notification < 20 ? null : iso(createdAt + 60_000),
        iso(createdAt),
      ]);
    }
    if (lessons.rows.length >= ROWS_PER_STATEMENT || teacher === scale.teachers - 1) {
      // Parents before children, so every foreign key holds at each statement.
      for (const table of tables) await flush(query, table, counts);
    }
  }
  // Both parties have read all but each conversation's last two messages (sent in the last two hours).
  await query(
    `insert into conversation_reads (connection_id, user_id, last_read_seq)
     select m.connection_id, party.user_id, max(m.seq) from messages m join connections c on c.id = m.connection_id
     cross join lateral (values (c.teacher_id), (c.student_id)) as party(user_id)
     where m.created_at < $1::timestamptz - interval '150 minutes' group by 1, 2`,
    [iso(nowTime)],
  );
  await query("analyze");
  return {
    busyTeacherId,
    email: busyTeacherEmail(0),
    password: BENCH_PASSWORD,
    rows: counts,
    seconds: (performance.now() - started) / 1000,
  };
}
