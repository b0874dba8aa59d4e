"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { ClockChangeNotice } from "@/components/scheduling/clock-change-notice";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, OptionalLabel, Select, Textarea, TextField } from "@/components/ui/field";
import { LOCATION_MAX_LENGTH, REQUEST_NOTE_MAX_LENGTH } from "@/lib/scheduling/limits";
import { zoneLabel } from "@/lib/time";
import { formValues, type AnyServerAction } from "@/lib/actions";

export interface RequestFormDefaults {
  date?: string;
  time?: string;
  durationMinutes?: number;
}

export interface LessonFormConnection {
  id: string;
  name: string;
  bookingMode: "request" | "direct";
}

const firstName = (name: string) => name.split(" ")[0] ?? name;

/**
 * Asks for a lesson or a weekly/fortnightly series, or books it at once when a teacher books this student's lessons
 * directly. Times are typed in the requester's own zone, which the form names and sends along; a series then keeps
 * the teacher's wall-clock time.
 */
export function LessonRequestForm({
  requestLessons,
  connections,
  timezone,
  otherLabel,
  isTeacher,
  defaults = {},
  onDone,
}: {
  requestLessons: AnyServerAction;
  connections: LessonFormConnection[];
  timezone: string;
  otherLabel: string;
  isTeacher: boolean;
  defaults?: RequestFormDefaults;
  onDone?: (message?: string) => void;
}) {
  const [repeat, setRepeat] = useState("none");
  const [endBy, setEndBy] = useState<"count" | "until">("count");
  const [connectionId, setConnectionId] = useState(connections[0]?.id);
  const [date, setDate] = useState(defaults.date ?? "");
  const [time, setTime] = useState(defaults.time ?? "17:00");
  const { run, pending, error, fieldErrors, message } = useAction(requestLessons, { onSuccess: (done) => onDone?.(done.message) });

  if (connections.length === 0) {
    return <p className="text-sm text-muted-foreground">You can request lessons once you have an accepted connection.</p>;
  }
  const chosen = connections.find((connection) => connection.id === connectionId) ?? connections[0]!;
  const direct = isTeacher && chosen.bookingMode === "direct";
  const how = isTeacher
    ? direct
      ? `Booked at once; ${firstName(chosen.name)} is told.`
      : `Sent to ${firstName(chosen.name)} to approve.`
    : `${firstName(chosen.name)} approves your request.`;

  return (
    <form
      aria-label={direct ? "Book a lesson" : "Request a lesson"}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const values = formValues(new FormData(event.currentTarget));
        if (values.repeat === "none") {
          delete values.occurrences;
          delete values.untilDate;
        } else if (endBy === "count") delete values.untilDate;
        else delete values.occurrences;
        run(values);
      }}
    >
      {error ? <FormAlert>{error}</FormAlert> : null}
      {message ? <FormAlert tone="success">{message}</FormAlert> : null}
      <input type="hidden" name="timezone" value={timezone} />
      <Field id="connectionId" label={otherLabel} error={fieldErrors.connectionId} hint={how}>
        <Select id="connectionId" name="connectionId" value={chosen.id} onChange={(event) => setConnectionId(event.target.value)}>
          {connections.map((connection) => (
            <option key={connection.id} value={connection.id}>
              {connection.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id="date"
          label="Date"
          type="date"
          required
          defaultValue={defaults.date}
          onChange={(event) => setDate(event.target.value)}
          error={fieldErrors.date}
        />
        <TextField
          id="time"
          label="Start time"
          type="time"
          required
          defaultValue={defaults.time ?? "17:00"}
          onChange={(event) => setTime(event.target.value)}
          error={fieldErrors.time}
          hint={`Your time: ${zoneLabel(timezone)}`}
        />
        <TextField
          id="durationMinutes"
          label="Length (minutes)"
          type="number"
          min={15}
          max={240}
          step={5}
          required
          defaultValue={defaults.durationMinutes ?? 45}
          error={fieldErrors.durationMinutes}
        />
      </div>
      <ClockChangeNotice id="clock-change" date={date} time={time} zone={timezone} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="repeat" label="Repeat" error={fieldErrors.repeat}>
          <Select id="repeat" name="repeat" value={repeat} onChange={(event) => setRepeat(event.target.value)}>
            <option value="none">Just once</option>
            <option value="weekly">Every week</option>
            <option value="fortnightly">Every two weeks</option>
          </Select>
        </Field>
        {repeat !== "none" ? (
          <>
            <Field id="endBy" label="Ends">
              <Select
                id="endBy"

                value={endBy}
                onChange={(event) => setEndBy(event.target.value as "count" | "until")}
              >
                <option value="count">After a number of lessons</option>
                <option value="until">On a date</option>
              </Select>
            </Field>
            {endBy === "count" ? (
              <TextField
                id="occurrences"
                label="Number of lessons"
                type="number"
                min={2}
                max={52}
                defaultValue={6}
                error={fieldErrors.occurrences}
              />
            ) : (
              <TextField
                id="untilDate"
                label="Last lesson on or before"
                type="date"
                error={fieldErrors.untilDate ?? fieldErrors.occurrences}
              />
            )}
          </>
        ) : null}
      </div>
      <TextField
        id="location"
        label={<OptionalLabel>Location or online link</OptionalLabel>}
        maxLength={LOCATION_MAX_LENGTH}
        error={fieldErrors.location}
      />
      <Field id="note" label={<OptionalLabel>Note</OptionalLabel>} error={fieldErrors.note}>
        <Textarea id="note" name="note" maxLength={REQUEST_NOTE_MAX_LENGTH} compact />
      </Field>
      <div className="flex flex-wrap items-center justify-end gap-x-6 gap-y-3">
        {direct ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="skipClashes" className="size-4 accent-[var(--accent)]" />
            Leave out dates that clash
          </label>
        ) : null}
        <Button type="submit" disabled={pending}>
          {direct ? (pending ? "Booking…" : repeat === "none" ? "Book lesson" : "Book lessons") : pending ? "Sending…" : "Send request"}
        </Button>
      </div>
    </form>
  );
}
