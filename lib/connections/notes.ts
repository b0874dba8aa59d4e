import { eq } from "drizzle-orm";
import { inTransaction } from "@/db/transaction";
import { teacherNotes, type TeacherNote } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { findConnectionFor, findNoteFor, type Viewer } from "@/lib/access";
import { addNoteSchema, noteRefSchema, updateNoteSchema } from "./schemas";

const NOTE_NOT_FOUND = { ok: false, error: "We couldn't find that note." } as const;

/** Private notes: only the teacher of an accepted connection writes them, and nobody else ever reads them. */
export async function addNote(actor: Viewer, raw: unknown): Promise<ActionResult<{ note: TeacherNote }>> {
  const parsed = addNoteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const note = await inTransaction(async ({ tx }) => {
    const connection = await findConnectionFor(actor, parsed.data.connectionId, { as: "teacher", lock: "share" }, tx);
    if (!connection) return null;
    const [row] = await tx.insert(teacherNotes).values({ connectionId: connection.id, body: parsed.data.body }).returning();
    return row!;
  });
  return note ? { ok: true, message: "Note saved.", data: { note } } : { ok: false, error: "We couldn't find that connection." };
}

export async function updateNote(actor: Viewer, raw: unknown): Promise<ActionResult> {
  const parsed = updateNoteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const updated = await inTransaction(async ({ tx }) => {
    const found = await findNoteFor(actor, parsed.data.noteId, tx);
    if (!found) return false;
    await tx.update(teacherNotes).set({ body: parsed.data.body }).where(eq(teacherNotes.id, found.note.id));
    return true;
  });
  return updated ? { ok: true, message: "Note updated." } : NOTE_NOT_FOUND;
}

export async function deleteNote(actor: Viewer, raw: unknown): Promise<ActionResult> {
  const parsed = noteRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const deleted = await inTransaction(async ({ tx }) => {
    const found = await findNoteFor(actor, parsed.data.noteId, tx);
    if (!found) return false;
    await tx.delete(teacherNotes).where(eq(teacherNotes.id, found.note.id));
    return true;
  });
  return deleted ? { ok: true, message: "Note deleted." } : NOTE_NOT_FOUND;
}
