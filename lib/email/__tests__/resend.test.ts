import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startResendStandIn, type ResendStandIn } from "@/tests/resend-stand-in";

// The real SDK is pointed at a local stand-in for the Resend HTTP API with RESEND_BASE_URL.
let resend: ResendStandIn;

beforeAll(async () => {
  resend = await startResendStandIn({ apiKey: "re_test_123" });
  vi.stubEnv("RESEND_BASE_URL", resend.url);
  vi.stubEnv("RESEND_API_KEY", "re_test_123");
  vi.stubEnv("EMAIL_FROM", "MusBook <hello@musbook.test>");
  vi.resetModules();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await resend.close();
});

describe("email through Resend (hosted mode)", () => {
  it("sends HTML, text and the idempotency key with the real SDK", async () => {
    const { emailTransport, sendEmail } = await import("@/lib/email");
    const { VerifyEmail } = await import("@/lib/email/templates/verify-email");
    expect(emailTransport()).toBe("resend");
    await sendEmail({
      to: "teacher@example.com",
      subject: "Confirm your email",
      react: VerifyEmail({ name: "Ada", url: "https://musbook.test/verify?token=t" }),
      idempotencyKey: "verify/123",
    });
    expect(resend.received).toHaveLength(1);
    const [first] = resend.received;
    expect(first?.authorization).toBe("Bearer re_test_123");
    expect(first?.idempotencyKey).toBe("verify/123");
    expect(first?.body).toMatchObject({ from: "MusBook <hello@musbook.test>", to: "teacher@example.com", subject: "Confirm your email" });
    expect(String(first?.body.html)).toContain("https://musbook.test/verify?token=t");
    expect(String(first?.body.text)).toContain("Hi Ada");
  });

  it("waits out a 429 as told by retry-after and sends once", async () => {
    const { sendEmail } = await import("@/lib/email");
    const { VerifyEmail } = await import("@/lib/email/templates/verify-email");
    resend.rateLimitNext(1);
    const before = resend.received.length;
    const started = Date.now();
    await sendEmail({
      to: "x@example.com",
      subject: "Retry",
      react: VerifyEmail({ name: "X", url: "https://x.test" }),
      idempotencyKey: "retry/1",
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(resend.received.length - before).toBe(1);
    expect(resend.received.at(-1)?.idempotencyKey).toBe("retry/1");
  });

  it("sends a calendar attachment base64-encoded with its type", async () => {
    const { sendEmail } = await import("@/lib/email");
    const { VerifyEmail } = await import("@/lib/email/templates/verify-email");
    const ics = "BEGIN:VCALENDAR\r\nSUMMARY:Lesson with Zoë\r\nEND:VCALENDAR";
    await sendEmail({
      to: "x@example.com",
      subject: "Reminder",
      react: VerifyEmail({ name: "X", url: "https://x.test" }),
      attachments: [{ filename: "lesson.ics", contentType: "text/calendar; charset=utf-8", content: ics }],
    });
    const [attachment] = resend.received.at(-1)?.body.attachments as { filename: string; content: string; content_type: string }[];
    expect(attachment).toMatchObject({ filename: "lesson.ics", content_type: "text/calendar; charset=utf-8" });
    expect(Buffer.from(attachment!.content, "base64").toString("utf8")).toBe(ics);
  });

  it("gives up with a clear error when Resend stays unreachable", async () => {
    vi.stubEnv("RESEND_BASE_URL", "http://127.0.0.1:1");
    vi.resetModules();
    const { sendEmail } = await import("@/lib/email");
    const { VerifyEmail } = await import("@/lib/email/templates/verify-email");
    await expect(
      sendEmail({ to: "x@example.com", subject: "Down", react: VerifyEmail({ name: "X", url: "https://x.test" }) }),
    ).rejects.toThrow(/was not sent/);
  });
});
