import { Mail } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { listOutbox } from "@/lib/email/outbox";
import { formatDateTimeWithYear } from "@/lib/time";

export const metadata: Metadata = { title: "Mail outbox", robots: { index: false } };

export default async function OutboxPage() {
  const emails = await listOutbox();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Mail outbox</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Every email MusBook would have sent, newest first. Set <code>RESEND_API_KEY</code> to send real email instead.
      </p>
      {emails.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">No emails yet.</p>
      ) : (
        <ul className="mt-6 divide-y rounded-xl border bg-surface">
          {emails.map((email) => (
            <li key={email.id}>
              <Link href={`/dev/mail/${email.id}`} className="flex items-center gap-4 px-4 py-3 hover:bg-surface-muted">
                <Mail className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{email.subject}</p>
                  <p className="truncate text-xs text-muted-foreground">to {email.toAddress}</p>
                </div>
                <time className="shrink-0 text-xs text-muted-foreground" dateTime={email.createdAt.toISOString()}>
                  {formatDateTimeWithYear(email.createdAt, "UTC")} UTC
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
