import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TermForm } from "@/components/scheduling/term-form";
import { requireUser } from "@/lib/auth/session";
import { acceptedConnectionNames } from "@/lib/scheduling/queries";
import { addDaysToIsoDate, formatIsoDate, mondayOfIsoDate } from "@/lib/time";
import { bookTermAction, previewTermAction } from "../actions";

export const metadata: Metadata = { title: "Book the term" };

/** A teacher sets up the same weekly slot for several students at once: next Monday for twelve weeks unless changed. */
export default async function BookTermPage() {
  const user = await requireUser("/lessons/term");
  if (user.role !== "teacher") notFound();
  const students = await acceptedConnectionNames(user);
  const nextMonday = addDaysToIsoDate(mondayOfIsoDate(formatIsoDate(new Date(), user.timezone)), 7);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/lessons" className="inline-flex items-center gap-1 text-sm font-medium text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-4" aria-hidden="true" />
          Lessons
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">Book the term</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
          Choose students and each one&apos;s weekly slot. You see every lesson and clash before anything is booked; students you book
          directly get their lessons at once, the others a request to approve.
        </p>
      </div>
      <TermForm
        students={students}
        timezone={user.timezone}
        defaults={{ startDate: nextMonday, endDate: addDaysToIsoDate(nextMonday, 12 * 7 - 1) }}
        actions={{ preview: previewTermAction, book: bookTermAction }}
      />
    </div>
  );
}
