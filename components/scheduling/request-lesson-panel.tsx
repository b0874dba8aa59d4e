"use client";

import { CalendarPlus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { AnyServerAction } from "@/lib/actions";
import { LessonRequestForm, type LessonFormConnection } from "./lesson-request-form";

/** "Request a lesson" (teachers: "New lesson", booked or requested per student) as a button that opens the form in place. */
export function RequestLessonPanel(props: {
  requestLessons: AnyServerAction;
  connections: LessonFormConnection[];
  timezone: string;
  otherLabel: string;
  isTeacher: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const title = props.isTeacher ? "New lesson" : "Request a lesson";
  if (!open) {
    return (
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-300">
          {done}
        </p>
        <Button onClick={() => (setDone(null), setOpen(true))}>
          <CalendarPlus className="size-4" aria-hidden="true" />
          {title}
        </Button>
      </div>
    );
  }
  return (
    <Card className="w-full">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Close
        </Button>
      </CardHeader>
      <CardBody>
        <LessonRequestForm {...props} onDone={(message) => (setDone(message ?? null), setOpen(false))} />
      </CardBody>
    </Card>
  );
}
