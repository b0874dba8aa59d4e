import { describe, expect, it, vi } from "vitest";
import type { User } from "@/db/schema";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => session.user, getCurrentUser: async () => session.user }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
}));

const { default: LessonPage } = await import("@/app/(app)/lessons/[id]/page");
const { default: StudentPage } = await import("@/app/(app)/students/[connectionId]/page");
const { default: ConversationPage } = await import("@/app/(app)/messages/[connectionId]/page");

setupTestDatabase();

const DASHES = "-".repeat(36);

describe("a malformed id in a page's address", () => {
  it("is a 404 on the lesson, student and conversation pages, never a database error", async () => {
    const { teacher } = await createConnectedPair();
    session.user = teacher;
    for (const bad of [DASHES, "abcdef", "0b5f1c2e-8a4d-4c1b-9e7f-2a3b4c5d6e7g"]) {
      await expect(LessonPage({ params: Promise.resolve({ id: bad }) } as PageProps<"/lessons/[id]">)).rejects.toThrow("NEXT_NOT_FOUND");
      await expect(
        StudentPage({ params: Promise.resolve({ connectionId: bad }) } as PageProps<"/students/[connectionId]">),
      ).rejects.toThrow("NEXT_NOT_FOUND");
      await expect(
        ConversationPage({
          params: Promise.resolve({ connectionId: bad }),
          searchParams: Promise.resolve({}),
        } as PageProps<"/messages/[connectionId]">),
      ).rejects.toThrow("NEXT_NOT_FOUND");
    }
  });

  it("is a 404 on someone else's conversation", async () => {
    const { connection } = await createConnectedPair();
    const { teacher: stranger } = await createConnectedPair();
    session.user = stranger;
    await expect(
      ConversationPage({
        params: Promise.resolve({ connectionId: connection.id }),
        searchParams: Promise.resolve({ q: "x" }),
      } as PageProps<"/messages/[connectionId]">),
    ).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
