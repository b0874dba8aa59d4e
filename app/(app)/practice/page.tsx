import { Flame } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/dashboard/parts";
import { EditablePracticeEntry } from "@/components/practice/practice-entry";
import { PracticeLogForm } from "@/components/practice/practice-log-form";
import { WeeklyPracticeChart, WeekProgress } from "@/components/practice/practice-summary";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { formatIsoDate, zoneLabel } from "@/lib/time";
import { openAssignmentsForPractice, practiceOverview, practiceStreak } from "@/lib/practice/queries";
import { deletePracticeAction, logPracticeAction, updatePracticeAction } from "../assignments/actions";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  const user = await requireUser("/practice");
  if (user.role !== "student") notFound();
  const now = new Date();
  const zone = user.timezone;
  const [overviews, streak, assignments] = await Promise.all([
    practiceOverview(user, zone, { weekCount: 8, recentLimit: 20 }, now),
    practiceStreak(user, zone, now),
    openAssignmentsForPractice(user),
  ]);
  const today = formatIsoDate(now, zone);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-muted-foreground">Days are on your calendar: {zoneLabel(zone, now)}</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">Practice</h1>
        </div>
        <p className="inline-flex items-center gap-2 rounded-full border bg-surface px-4 py-2 text-sm shadow-sm">
          <Flame className={streak > 0 ? "size-4 text-orange-500" : "size-4 text-muted-foreground"} aria-hidden="true" />
          {streak === 0 ? "No streak yet: practise today to start one" : `${streak}-day streak`}
        </p>
      </div>

      {overviews.length === 0 ? (
        <EmptyState>Once you’re connected with a teacher, you can log your practice here.</EmptyState>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[1fr_1.2fr] [&>*]:min-w-0">
          <Card>
            <CardHeader>
              <CardTitle>Log practice</CardTitle>
            </CardHeader>
            <CardBody>
              <PracticeLogForm
                action={logPracticeAction}
                teachers={overviews.map((overview) => ({ connectionId: overview.connectionId, teacherName: overview.otherPartyName }))}
                assignments={assignments}
                today={today}
              />
            </CardBody>
          </Card>

          <div className="space-y-6">
            {overviews.map((overview) => (
              <Card key={overview.connectionId}>
                <CardHeader>
                  <CardTitle>With {overview.otherPartyName}</CardTitle>
                </CardHeader>
                <CardBody className="space-y-5">
                  <WeekProgress overview={overview} />
                  <WeeklyPracticeChart overview={overview} label={`Practice per week with ${overview.otherPartyName}`} />
                  {overview.recent.length > 0 ? (
                    <ul className="divide-y border-t" aria-label={`Practice with ${overview.otherPartyName}`}>
                      {overview.recent.map((entry) => (
                        <li key={entry.id} className="py-3">
                          <EditablePracticeEntry
                            entry={entry}
                            today={today}
                            actions={{ update: updatePracticeAction, remove: deletePracticeAction }}
                          />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <EmptyState>Nothing logged yet.</EmptyState>
                  )}
                </CardBody>
              </Card>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
