import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findOutboxEmail, linksIn } from "@/lib/email/outbox";

export const metadata: Metadata = { title: "Email", robots: { index: false } };

export default async function OutboxEmailPage({ params }: PageProps<"/dev/mail/[id]">) {
  const email = await findOutboxEmail((await params).id);
  if (!email) notFound();
  const links = linksIn(email.html);

  return (
    <>
      <Link href="/dev/mail" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" /> Outbox
      </Link>
      <h1 className="mt-4 text-2xl font-bold tracking-tight">{email.subject}</h1>
      <p className="mt-1 text-sm text-muted-foreground">to {email.toAddress}</p>
      {links.length > 0 ? (
        <section aria-labelledby="links-title" className="mt-6">
          <h2 id="links-title" className="text-sm font-semibold">
            Links in this email
          </h2>
          <ul className="mt-2 space-y-1">
            {links.map((link) => (
              <li key={link}>
                <a href={link} className="break-all text-sm text-accent underline underline-offset-2">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {email.attachments.length > 0 ? (
        <section aria-labelledby="attachments-title" className="mt-6">
          <h2 id="attachments-title" className="text-sm font-semibold">
            Attachments
          </h2>
          {email.attachments.map((attachment) => (
            <details key={attachment.filename} className="mt-2 rounded-xl border bg-surface p-3 text-sm">
              <summary className="cursor-pointer font-medium">
                {attachment.filename} <span className="font-normal text-muted-foreground">({attachment.contentType})</span>
              </summary>
              <pre className="mt-2 whitespace-pre-wrap break-all text-xs">{attachment.content}</pre>
            </details>
          ))}
        </section>
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-[1.3fr_1fr]">
        {/* Sandboxed with no permissions: the email's HTML can't run scripts or touch this page. */}
        <iframe title="Email as HTML" sandbox="" srcDoc={email.html} className="h-[36rem] w-full rounded-xl border bg-white" />
        <section aria-labelledby="text-title">
          <h2 id="text-title" className="text-sm font-semibold">
            Plain text
          </h2>
          <pre className="mt-2 whitespace-pre-wrap rounded-xl border bg-surface p-4 text-sm">{email.text}</pre>
        </section>
      </div>
    </>
  );
}
