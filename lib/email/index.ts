import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { db } from "@/db";
import { emailOutbox, type OutboxAttachment } from "@/db/schema";
import { env } from "@/lib/env";

export interface EmailMessage {
  to: string;
  subject: string;
  react: ReactElement;
  /** Same key, same email: a retried send is delivered once (Resend) or stored once (outbox). */
  idempotencyKey?: string;
  attachments?: OutboxAttachment[];
}

export type EmailTransport = "resend" | "outbox";

export function emailTransport(): EmailTransport {
  return env().RESEND_API_KEY ? "resend" : "outbox";
}

const MAX_ATTEMPTS = 3;
const MAX_RETRY_WAIT_MS = 5_000;

let client: Resend | undefined;

/** Renders a React email to HTML and plain text and sends it through the configured transport. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  await sendEmails([message]);
}

/** Up to this many outbox rows per insert. */
const OUTBOX_ROWS_PER_INSERT = 500;

/**
 * Many emails (a batch of reminders): the outbox stores them in a few statements; Resend gets one request each, in
 * order, each with its own idempotency key, so a batch that fails part way is sent again without doubles.
 */
export async function sendEmails(messages: EmailMessage[]): Promise<void> {
  const rendered = await Promise.all(
    messages.map(async (message) => {
      const html = await render(message.react);
      return { message, html, text: toPlainText(html) };
    }),
  );
  if (emailTransport() === "outbox") {
    for (let first = 0; first < rendered.length; first += OUTBOX_ROWS_PER_INSERT) {
      const rows = rendered.slice(first, first + OUTBOX_ROWS_PER_INSERT);
      await db
        .insert(emailOutbox)
        .values(
          rows.map(({ message, html, text }) => ({
            toAddress: message.to,
            subject: message.subject,
            html,
            text,
            idempotencyKey: message.idempotencyKey,
            attachments: message.attachments ?? [],
          })),
        )
        .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
    }
    for (const { message } of rendered) {
      // Only the envelope is printed, with any code in the subject masked: bodies hold sign-in codes and links.
      console.info(`[email] to ${message.to}: "${message.subject.replace(/\d{4,}/g, "••••••")}" (read it at ${env().APP_URL}/dev/mail)`);
    }
    return;
  }
  for (const email of rendered) await sendWithResend(email);
}

async function sendWithResend({ message, html, text }: { message: EmailMessage; html: string; text: string }): Promise<void> {
  client ??= new Resend(env().RESEND_API_KEY);
  for (let attempt = 1; ; attempt++) {
    const { error, headers } = await client.emails.send(
      {
        from: env().EMAIL_FROM,
        to: message.to,
        subject: message.subject,
        html,
        text,
        ...(message.attachments?.length
          ? {
              attachments: message.attachments.map(({ filename, contentType, content }) => ({
                filename,
                contentType,
                content: Buffer.from(content).toString("base64"),
              })),
            }
          : {}),
      },
      message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
    );
    if (!error) return;
    const retryable = error.name === "rate_limit_exceeded" || error.statusCode === null || (error.statusCode ?? 0) >= 500;
    if (!retryable || attempt >= MAX_ATTEMPTS) {
      throw new Error(`Email "${message.subject}" was not sent: ${error.name} (${error.message})`);
    }
    const retryAfterSeconds = Number(headers?.["retry-after"]);
    const wait = Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 250 * 2 ** attempt;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, MAX_RETRY_WAIT_MS)));
  }
}
