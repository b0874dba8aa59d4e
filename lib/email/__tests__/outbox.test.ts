import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox } from "@/db/schema";
import { emailTransport, sendEmail } from "@/lib/email";
import { listOutbox } from "@/lib/email/outbox";
import { VerifyEmail } from "@/lib/email/templates/verify-email";
import { setupTestDatabase } from "@/tests/database";

setupTestDatabase();

describe("email outbox (embedded mode)", () => {
  it("stores HTML and plain text, with user text escaped", async () => {
    expect(emailTransport()).toBe("outbox");
    await sendEmail({
      to: "pupil@example.com",
      subject: "Confirm your email",
      react: VerifyEmail({ name: '<script>alert("x")</script>', url: "https://musbook.test/verify?token=abc" }),
    });
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "pupil@example.com"));
    expect(row?.subject).toBe("Confirm your email");
    expect(row?.html).toContain("https://musbook.test/verify?token=abc");
    expect(row?.html).not.toContain("<script>");
    expect(row?.html).toContain("&lt;script&gt;");
    expect(row?.text).toContain("Confirm my email");
    expect(row?.text).toContain('Hi <script>alert("x")</script>'); // plain text is text: shown, never parsed
    expect(row?.text).not.toMatch(/<(html|body|a|table)\b/);
  });

  it("stores a retried send with the same idempotency key once", async () => {
    const message = {
      to: "once@example.com",
      subject: "Once",
      react: VerifyEmail({ name: "A", url: "https://x.test" }),
      idempotencyKey: "k-1",
    };
    await Promise.all([sendEmail(message), sendEmail(message), sendEmail(message)]);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "once@example.com"))).toHaveLength(1);
  });

  it("lists the newest first, all of them or those to one address", async () => {
    const send = (to: string, subject: string) => sendEmail({ to, subject, react: VerifyEmail({ name: "A", url: "https://x.test" }) });
    await send("first@example.com", "First one");
    await send("second@example.com", "Second");
    await send("first@example.com", "First two");
    expect((await listOutbox({ to: "first@example.com" })).map((email) => email.subject)).toEqual(["First two", "First one"]);
    expect((await listOutbox({ limit: 3 })).map((email) => email.subject)).toEqual(["First two", "Second", "First one"]);
    expect(await listOutbox({ to: "nobody@example.com" })).toEqual([]);
  });
});
