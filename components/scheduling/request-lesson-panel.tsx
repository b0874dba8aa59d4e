"use client";

import { CalendarPlus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { AnyServerAction } from "@/lib/actions";
import { LessonRequestForm } from "./lesson-request-form";

/** "Request a lesson" as a button that opens the form in place. */
export function RequestLessonPanel(props: {
  requestLessons: AnyServerAction;
  connections: { id: string; name: string }[];
  timezone: string;
  otherLabel: string;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)}>
        <CalendarPlus className="size-4" aria-hidden="true" />
        Request a lesson
      </Button>
    );
  }
  return (
    <Card className="w-full">
      <CardHeader>
        <CardTitle>Request a lesson</CardTitle>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Close
        </Button>
      </CardHeader>
      <CardBody>
        <LessonRequestForm {...props} onDone={() => setOpen(false)} />
      </CardBody>
    </Card>
  );
}
