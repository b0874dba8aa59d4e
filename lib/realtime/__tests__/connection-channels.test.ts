import { createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { connections, type User } from "@/db/schema";
import { endConnection } from "@/lib/connections";
import { authorizeChannel } from "@/lib/realtime/authorize";
import { EMBEDDED_KEY, realtimeServerConfig } from "@/lib/realtime/config";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

setupTestDatabase();

const socketId = "1234.5678";
const channelOf = (connectionId: string) => `presence-connection-${connectionId}`;

function expectedPresenceAuth(channel: string, user: User) {
  const channelData = JSON.stringify({ user_id: user.id, user_info: { name: user.name } });
  const signature = createHmac("sha256", realtimeServerConfig().secret).update(`${socketId}:${channel}:${channelData}`).digest("hex");
  return { auth: `${EMBEDDED_KEY}:${signature}`, channel_data: channelData };
}

describe("presence-connection channels", () => {
  it("admits both parties of an accepted connection, with their id and name as channel data", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    for (const member of [teacher, student]) {
      const result = await authorizeChannel(member, socketId, channelOf(connection.id));
      expect(result).toEqual({ ok: true, body: expectedPresenceAuth(channelOf(connection.id), member) });
    }
  });

  it("refuses strangers of either role, and the parties of pending, declined and ended connections", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const strangers = [await createUser({ role: "teacher" }), await createUser({ role: "student" })];
    for (const stranger of strangers) {
      expect(await authorizeChannel(stranger, socketId, channelOf(connection.id))).toMatchObject({ ok: false, code: "forbidden" });
    }
    for (const status of ["pending", "declined"] as const) {
      const invitee = await createUser({ role: "student" });
      const [row] = await db
        .insert(connections)
        .values({ teacherId: teacher.id, studentId: invitee.id, invitedEmail: invitee.email, status })
        .returning();
      for (const party of [teacher, invitee]) {
        expect(await authorizeChannel(party, socketId, channelOf(row!.id))).toMatchObject({ ok: false, code: "forbidden" });
      }
    }
    expect(await endConnection(student, { connectionId: connection.id })).toMatchObject({ ok: true });
    for (const party of [teacher, student]) {
      expect(await authorizeChannel(party, socketId, channelOf(connection.id))).toMatchObject({ ok: false, code: "forbidden" });
    }
    const [after] = await db.select().from(connections).where(eq(connections.id, connection.id));
    expect(after!.status).toBe("revoked");
  });

  it("refuses unknown ids and malformed channel names", async () => {
    const { teacher, connection } = await createConnectedPair();
    for (const name of [
      channelOf(randomUUID()),
      `${channelOf(connection.id)}-x`,
      channelOf(connection.id.toUpperCase()),
      `private-connection-${connection.id}`,
    ]) {
      expect(await authorizeChannel(teacher, socketId, name)).toMatchObject({ ok: false, code: "forbidden" });
    }
  });
});
