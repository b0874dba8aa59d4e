import { Download } from "lucide-react";
import type { Metadata } from "next";
import { CsvExportForm } from "@/components/settings/csv-export-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { addDaysToIsoDate, formatIsoDate } from "@/lib/time";

export const metadata: Metadata = { title: "Your data" };

export default async function DataSettingsPage() {
  const user = await requireUser("/settings/data");
  const today = formatIsoDate(new Date(), user.timezone);
  return (
    <>
      {user.role === "teacher" ? (
        <SettingsSection
          id="csv-export"
          title="Studio records"
          description="Lessons with attendance, assignments or practice for any dates, as a spreadsheet (CSV). Times are in your zone."
        >
          <CsvExportForm defaults={{ from: addDaysToIsoDate(today, -89), to: today }} />
        </SettingsSection>
      ) : null}
      <SettingsSection
        id="account-export"
        title="Download your data"
        description="Everything MusBook holds for you, as one JSON file: your profile and choices, your connections, lessons, requests, events, messages, assignments, practice and notifications."
      >
        {/* A link, not a fetch: the browser saves the attachment itself. */}
        <a href="/api/exports/account" className={buttonClasses({ variant: "secondary" })} download>
          <Download className="size-4" aria-hidden="true" />
          Download my data (JSON)
        </a>
      </SettingsSection>
    </>
  );
}
