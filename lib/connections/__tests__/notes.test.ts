import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { teacherNotes } from "@/db/schema";
import { addNote, deleteNote, updateNote } from "@/lib/connections";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";

setupTestDatabase();

describe("private notes", () => {
  it("adds, edits and deletes a note on the teacher's own connection", async () => {
    const { teacher, connection } = await createConnectedPair();
    const added = await addNote(teacher, { connectionId: connection.id, body: "  Left hand tension in bar 12.\nTry slower.  " });
    if (!added.ok) throw new Error(added.error);
    expect(added.data.note).toMatchObject({ connectionId: connection.id, body: "Left hand tension in bar 12.\nTry slower." });
    expect(await updateNote(teacher, { noteId: added.data.note.id, body: "Better this week" })).toMatchObject({ ok: true });
    const [edited] = await db.select().from(teacherNotes).where(eq(teacherNotes.id, added.data.note.id));
    expect(edited!.body).toBe("Better this week");
    expect(edited!.updatedAt.getTime()).toBeGreaterThanOrEqual(edited!.createdAt.getTime());
    expect(await deleteNote(teacher, { noteId: added.data.note.id })).toMatchObject({ ok: true });
    expect(await db.select().from(teacherNotes).where(eq(teacherNotes.id, added.data.note.id))).toHaveLength(0);
  });

  it("answers bad input with field errors and unknown ids with not found", async () => {
    const { teacher, connection } = await createConnectedPair();
    expect(await addNote(teacher, { connectionId: connection.id, body: "x".repeat(5001) })).toMatchObject({
      ok: false,
      fieldErrors: { body: expect.stringContaining("5,000") },
    });
    expect(await addNote(teacher, { connectionId: connection.id, body: "   " })).toMatchObject({
      ok: false,
      fieldErrors: { body: "Write something first." },
    });
    expect(await addNote(teacher, { connectionId: connection.id, body: "ok", createdAt: "2020-01-01" })).toMatchObject({
      ok: false,
      fieldErrors: { form: expect.any(String) },
    });
    expect(await addNote(teacher, { connectionId: randomUUID(), body: "ok" })).toMatchObject({
      ok: false,
      error: "We couldn't find that connection.",
    });
    expect(await updateNote(teacher, { noteId: randomUUID(), body: "ok" })).toMatchObject({
      ok: false,
      error: "We couldn't find that note.",
    });
    expect(await deleteNote(teacher, { noteId: "1 or 1=1" })).toMatchObject({ ok: false, fieldErrors: { noteId: expect.any(String) } });
    expect(await db.select().from(teacherNotes).where(eq(teacherNotes.connectionId, connection.id))).toHaveLength(0);
    expect(await addNote(teacher, { connectionId: connection.id, body: "x".repeat(5000) })).toMatchObject({ ok: true });
  });
});
