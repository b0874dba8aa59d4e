"use client";

import { CalendarRange } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { FormAlert, Input, OptionalLabel, Select, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { LOCATION_MAX_LENGTH } from "@/lib/scheduling/limits";
import type { TermRow } from "@/lib/scheduling/term";
import { formatDate, formatDateTime, formatTime, zoneLabel } from "@/lib/time";
import { plural } from "@/lib/utils";
import type { LessonFormConnection } from "./lesson-request-form";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface Slot {
  include: boolean;
  weekday: string;
  time: string;
  durationMinutes: string;
}

const clashWith = { you: "your other lesson", "other party": "their other lesson", "your event": "your event" } as const;

/**
 * "Book the term": a weekly slot for each chosen student between two dates. The preview shows every student's
 * lessons and clashes before anything is written; booking writes them all in one transaction, directly or as a
 * request per student. Any change to the form asks for a fresh preview.
 */
export function TermForm({
  students,
  timezone,
  defaults,
  actions,
}: {
  students: LessonFormConnection[];
  timezone: string;
  defaults: { startDate: string; endDate: string };
  actions: { preview: AnyServerAction; book: AnyServerAction };
}) {
  const [startDate, setStartDate] = useState(defaults.startDate);
  const [endDate, setEndDate] = useState(defaults.endDate);
  const [location, setLocation] = useState("");
  const [skipClashes, setSkipClashes] = useState(false);
  const [slots, setSlots] = useState<Record<string, Slot>>(() =>
    Object.fromEntries(students.map((student) => [student.id, { include: false, weekday: "1", time: "16:00", durationMinutes: "45" }])),
  );
  const preview = useAction(actions.preview);
  const book = useAction(actions.book, { onSuccess: () => preview.reset() });
  const rows = (preview.data as { rows: TermRow[] } | undefined)?.rows;

  const changed = () => {
    preview.reset();
    book.reset();
  };
  const setSlot = (id: string, change: Partial<Slot>) => {
    setSlots((current) => ({ ...current, [id]: { ...current[id]!, ...change } }));
    changed();
  };
  const values = () => ({
    timezone,
    startDate,
    endDate,
    location,
    skipClashes,
    students: students
      .filter((student) => slots[student.id]?.include)
      .map((student) => {
        const { weekday, time, durationMinutes } = slots[student.id]!;
        return { connectionId: student.id, weekday, time, durationMinutes };
      }),
  });
  const chosen = students.filter((student) => slots[student.id]?.include).length;
  const clashes = rows?.flatMap((row) => (row.bookingMode === "direct" ? row.occurrences.filter((o) => o.clash) : [])).length ?? 0;
  const fieldErrors = { ...preview.fieldErrors, ...book.fieldErrors };

  if (students.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        Once students accept your invitation, you can book their term here.{" "}
        <Link href="/students" className="font-medium text-accent hover:underline">
          Invite a student
        </Link>
      </p>
    );
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Term</CardTitle>
          <span className="text-xs text-muted-foreground">Times in {zoneLabel(timezone)}</span>
        </CardHeader>
        <CardBody className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="startDate"
            label="First day"
            type="date"
            value={startDate}
            onChange={(event) => (setStartDate(event.target.value), changed())}
            error={fieldErrors.startDate}
          />
          <TextField
            id="endDate"
            label="Last day"
            type="date"
            value={endDate}
            onChange={(event) => (setEndDate(event.target.value), changed())}
            error={fieldErrors.endDate}
          />
          <TextField
            id="location"
            label={<OptionalLabel>Location or online link</OptionalLabel>}
            maxLength={LOCATION_MAX_LENGTH}
            value={location}
            onChange={(event) => (setLocation(event.target.value), changed())}
            error={fieldErrors.location}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Students</CardTitle>
          <span className="text-xs text-muted-foreground">{plural(chosen, "student")} chosen</span>
        </CardHeader>
        <CardBody flush>
          <ul className="divide-y" aria-label="Students and their weekly slot">
            {students.map((student) => {
              const slot = slots[student.id]!;
              const prefix = `slot-${student.id}`;
              return (
                <li
                  key={student.id}
                  aria-label={student.name}
                  className="space-y-3 px-5 py-4 sm:grid sm:grid-cols-[minmax(0,1.4fr)_repeat(3,minmax(0,1fr))] sm:items-center sm:gap-3 sm:space-y-0 [&>*]:min-w-0"
                >
                  <label className="flex items-center gap-3">
                    <input
                      type="checkbox"
                      className="size-4 accent-[var(--accent)]"
                      checked={slot.include}
                      onChange={(event) => setSlot(student.id, { include: event.target.checked })}
                    />
                    <span className="min-w-0">
                      <span className="block truncate font-medium">{student.name}</span>
                      <span className="text-xs text-muted-foreground">
                        {student.bookingMode === "direct" ? "Booked directly" : "Sent as a request"}
                      </span>
                    </span>
                  </label>
                  {slot.include ? (
                    <div className="grid grid-cols-2 gap-3 sm:contents">
                      <label className="col-span-2 text-xs font-medium text-muted-foreground sm:col-span-1">
                        Day
                        <Select
                          aria-label={`Day for ${student.name}`}
                          id={`${prefix}-weekday`}
                          value={slot.weekday}
                          onChange={(event) => setSlot(student.id, { weekday: event.target.value })}
                        >
                          {WEEKDAYS.map((day, index) => (
                            <option key={day} value={index + 1}>
                              {day}
                            </option>
                          ))}
                        </Select>
                      </label>
                      <label className="text-xs font-medium text-muted-foreground">
                        Start
                        <Input
                          aria-label={`Start time for ${student.name}`}
                          type="time"
                          value={slot.time}
                          onChange={(event) => setSlot(student.id, { time: event.target.value })}
                        />
                      </label>
                      <label className="text-xs font-medium text-muted-foreground">
                        Minutes
                        <Input
                          aria-label={`Minutes for ${student.name}`}
                          type="number"
                          min={15}
                          max={240}
                          step={5}
                          value={slot.durationMinutes}
                          onChange={(event) => setSlot(student.id, { durationMinutes: event.target.value })}
                        />
                      </label>
                    </div>
                  ) : (
                    <p className="hidden text-sm text-muted-foreground sm:col-span-3 sm:block">Tick to give a weekly slot.</p>
                  )}
                </li>
              );
            })}
          </ul>
        </CardBody>
      </Card>

      {preview.error ? <FormAlert>{fieldErrors.students ?? preview.error}</FormAlert> : null}
      {book.error ? <FormAlert>{book.error}</FormAlert> : null}
      {book.message ? (
        <FormAlert tone="success">
          {book.message}{" "}
          <Link href="/lessons" className="font-medium underline underline-offset-2">
            See your lessons
          </Link>
        </FormAlert>
      ) : null}

      {rows ? (
        <Card>
          <CardHeader>
            <CardTitle>Before you book</CardTitle>
            <span className="text-xs text-muted-foreground">
              {plural(
                rows.reduce((sum, row) => sum + row.occurrences.length, 0),
                "lesson",
              )}
            </span>
          </CardHeader>
          <CardBody className="space-y-4">
            <ul className="space-y-4" aria-label="Preview">
              {rows.map((row) => {
                const clashing = row.occurrences.filter((o) => o.clash);
                const first = row.occurrences[0]!;
                const last = row.occurrences.at(-1)!;
                return (
                  <li key={row.connectionId} aria-label={`Preview for ${row.studentName}`} className="rounded-xl border p-4">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="font-medium">{row.studentName}</p>
                      <Badge tone={row.bookingMode === "direct" ? "success" : "accent"}>
                        {row.bookingMode === "direct" ? "Booked at once" : "Request to approve"}
                      </Badge>
                    </div>
                    <p className="mt-1 text-sm text-muted-foreground">
                      {plural(row.occurrences.length, "lesson")} at {formatTime(new Date(first.startsAt), timezone)},{" "}
                      {formatDate(new Date(first.startsAt), timezone)} to {formatDate(new Date(last.startsAt), timezone)}
                    </p>
                    {clashing.length > 0 ? (
                      <ul
                        className="mt-2 space-y-1 text-sm text-amber-900 dark:text-amber-200"
                        aria-label={`Clashes for ${row.studentName}`}
                      >
                        {clashing.map((occurrence) => (
                          <li key={String(occurrence.startsAt)}>
                            {formatDateTime(new Date(occurrence.startsAt), timezone)} clashes with {clashWith[occurrence.clash!.with]}
                            {row.bookingMode === "request" ? " (checked again when the student approves)" : ""}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {clashes > 0 ? (
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-[var(--accent)]"
                  checked={skipClashes}
                  onChange={(event) => setSkipClashes(event.target.checked)}
                />
                Leave out the {plural(clashes, "clashing date")}
              </label>
            ) : null}
          </CardBody>
        </Card>
      ) : null}

      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="secondary" disabled={preview.pending || chosen === 0} onClick={() => (book.reset(), preview.run(values()))}>
          {preview.pending ? "Checking…" : "Check the term"}
        </Button>
        <Button disabled={!rows || book.pending || (clashes > 0 && !skipClashes)} onClick={() => book.run(values())}>
          <CalendarRange className="size-4" aria-hidden="true" />
          {book.pending ? "Booking…" : "Book the term"}
        </Button>
      </div>
    </div>
  );
}
