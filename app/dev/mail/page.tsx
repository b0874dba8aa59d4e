import { Mail } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { listOutbox } from "@/lib/email/outbox";
import { formatDateTimeWithYear } from "@/lib/time";

export const metadata: Metadata = { title: "Mail outbox", robots: { index: false } };

const recipientSchema = z.string().trim().toLowerCase().min(1).max(254).optional().catch(undefined);

export default async function OutboxPage({ searchParams }: PageProps<"/dev/mail">) {
  const to = recipientSchema.parse((await searchParams).to);
  const emails = await listOutbox({ to });
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Mail outbox</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Every email MusBook would have sent, newest first. Set <code>RESEND_API_KEY</code> to send real email instead.
      </p>
      <form className="mt-4 flex flex-wrap items-end gap-2" action="/dev/mail">
        <div className="grid min-w-0 flex-1 basis-64 gap-1.5 sm:max-w-md">
          <Label htmlFor="outbox-to">To</Label>
          <Input id="outbox-to" type="email" name="to" defaultValue={to} placeholder="any address" compact />
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {to ? (
          <ButtonLink href="/dev/mail" variant="ghost">
            Show all
          </ButtonLink>
        ) : null}
      </form>
      {emails.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">
          {to ? `No emails to ${to} yet.` : "No emails yet."}
        </p>
      ) : (
        <ul className="mt-6 divide-y rounded-xl border bg-surface">
          {emails.map((email) => (
            <li key={email.id}>
              <Link
                href={`/dev/mail/${email.id}`}
                className="grid grid-cols-[auto_1fr] items-center gap-x-4 px-4 py-3 hover:bg-surface-muted sm:flex"
              >
                <Mail className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{email.subject}</p>
                  <p className="truncate text-xs text-muted-foreground">to {email.toAddress}</p>
                </div>
                <time className="col-start-2 shrink-0 text-xs text-muted-foreground" dateTime={email.createdAt.toISOString()}>
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
