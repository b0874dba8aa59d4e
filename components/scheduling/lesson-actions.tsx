"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { ClockChangeNotice } from "@/components/scheduling/clock-change-notice";
import { Button } from "@/components/ui/button";
import { FormAlert, Input, TextField } from "@/components/ui/field";
import { formValues, type AnyServerAction } from "@/lib/actions";
import { cn } from "@/lib/utils";
import { REASON_MAX_LENGTH } from "@/lib/scheduling/limits";
import { zoneLabel } from "@/lib/time";

function Feedback({ error, message }: { error?: string; message?: string }) {
  if (error) return <FormAlert>{error}</FormAlert>;
  if (message) return <FormAlert tone="success">{message}</FormAlert>;
  return null;
}

/** Approve (leaving out the occurrences ticked to skip) or decline with an optional reason. */
export function IncomingRequestActions({
  actions,
  requestId,
  clashes,
}: {
  actions: { approve: AnyServerAction; decline: AnyServerAction };
  requestId: string;
  clashes: { iso: string; label: string }[];
}) {
  const [skip, setSkip] = useState(() => new Set(clashes.map((clash) => clash.iso)));
  const [declining, setDeclining] = useState(false);
  const approve = useAction(actions.approve);
  const decline = useAction(actions.decline);
  return (
    <div className="space-y-3">
      {clashes.length > 0 ? (
        <fieldset className="space-y-1.5 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-900 dark:bg-amber-950/40">
          <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-amber-900 dark:text-amber-200">Clashes</legend>
          {clashes.map((clash) => (
            <label key={clash.iso} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-4 accent-[var(--accent)]"
                checked={skip.has(clash.iso)}
                onChange={(event) => {
                  const next = new Set(skip);
                  if (event.target.checked) next.add(clash.iso);
                  else next.delete(clash.iso);
                  setSkip(next);
                }}
              />
              Skip {clash.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Feedback error={approve.error ?? decline.error} message={approve.message ?? decline.message} />
      {declining ? (
        <form
          className="flex flex-col gap-2 sm:flex-row"
          onSubmit={(event) => {
            event.preventDefault();
            decline.run({ requestId, ...formValues(new FormData(event.currentTarget)) });
          }}
        >
          <Input name="reason" placeholder="Reason (optional)" aria-label="Reason for declining" maxLength={REASON_MAX_LENGTH} />
          <Button type="submit" variant="danger" disabled={decline.pending}>
            Decline
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={approve.pending} onClick={() => approve.run({ requestId, skip: [...skip] })}>
            {approve.pending ? "Booking…" : "Approve"}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setDeclining(true)}>
            Decline…
          </Button>
        </div>
      )}
    </div>
  );
}

export function WithdrawRequestButton({ withdrawRequest, requestId }: { withdrawRequest: AnyServerAction; requestId: string }) {
  const withdraw = useAction(withdrawRequest);
  return (
    <div className="space-y-2">
      <Feedback error={withdraw.error} />
      <Button size="sm" variant="secondary" disabled={withdraw.pending} onClick={() => withdraw.run({ requestId })}>
        Withdraw
      </Button>
    </div>
  );
}

export function ProposalActions({
  actions,
  rescheduleId,
}: {
  actions: { approve: AnyServerAction; decline: AnyServerAction };
  rescheduleId: string;
}) {
  const approve = useAction(actions.approve);
  const decline = useAction(actions.decline);
  return (
    <div className="space-y-2">
      <Feedback error={approve.error ?? decline.error} message={approve.message ?? decline.message} />
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={approve.pending || decline.pending} onClick={() => approve.run({ rescheduleId })}>
          Accept new time
        </Button>
        <Button size="sm" variant="secondary" disabled={approve.pending || decline.pending} onClick={() => decline.run({ rescheduleId })}>
          Keep original
        </Button>
      </div>
    </div>
  );
}

const attendanceChoices = [
  ["present", "Present"],
  ["late", "Late"],
  ["absent", "Absent"],
  ["excused", "Excused"],
] as const;

/** The teacher's inline attendance control; choosing another value corrects the record. */
export function AttendancePicker({
  markAttendance,
  lessonId,
  value,
  label,
}: {
  markAttendance: AnyServerAction;
  lessonId: string;
  value: string | null;
  label: string;
}) {
  const [current, setCurrent] = useState(value);
  const [requested, setRequested] = useState(value);
  const mark = useAction(markAttendance, { onSuccess: () => setCurrent(requested) });
  return (
    <div className="space-y-1">
      <div role="radiogroup" aria-label={`Attendance for ${label}`} className="inline-flex rounded-lg border bg-surface p-0.5">
        {attendanceChoices.map(([choice, text]) => (
          <button
            key={choice}
            type="button"
            role="radio"
            aria-checked={current === choice}
            disabled={mark.pending}
            onClick={() => {
              setRequested(choice);
              mark.run({ lessonId, attendance: choice });
            }}
            className={cn(
              "rounded-md px-2.5 py-1 text-xs font-medium transition",
              current === choice
                ? "bg-accent text-accent-foreground shadow-sm"
                : "text-muted-foreground hover:bg-surface-muted hover:text-foreground",
            )}
          >
            {text}
          </button>
        ))}
      </div>
      {mark.error ? <p className="text-xs text-red-600 dark:text-red-400">{mark.error}</p> : null}
    </div>
  );
}

/** Move (propose a new time) or cancel an upcoming lesson; a series lesson can end the series from here. */
export function ManageLesson({
  actions,
  lessonId,
  inSeries,
  timezone,
  date,
  time,
}: {
  actions: { propose: AnyServerAction; cancelLesson: AnyServerAction; cancelSeriesFrom: AnyServerAction };
  lessonId: string;
  inSeries: boolean;
  timezone: string;
  date: string;
  time: string;
}) {
  const [open, setOpen] = useState<"move" | "cancel" | null>(null);
  const [moveTo, setMoveTo] = useState({ date, time });
  const propose = useAction(actions.propose, { onSuccess: () => setOpen(null) });
  const cancelOne = useAction(actions.cancelLesson);
  const cancelFollowing = useAction(actions.cancelSeriesFrom);
  const cancelling = cancelOne.pending || cancelFollowing.pending;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant={open === "move" ? "primary" : "secondary"} onClick={() => setOpen(open === "move" ? null : "move")}>
          Propose new time
        </Button>
        <Button size="sm" variant={open === "cancel" ? "danger" : "secondary"} onClick={() => setOpen(open === "cancel" ? null : "cancel")}>
          Cancel lesson
        </Button>
      </div>
      {open === "move" ? (
        <form
          aria-label="Propose a new time"
          className="space-y-3 rounded-xl border bg-surface-muted/50 p-4"
          onSubmit={(event) => {
            event.preventDefault();
            propose.run({ lessonId, timezone, ...formValues(new FormData(event.currentTarget)) });
          }}
        >
          <Feedback error={propose.error} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id={`move-date-${lessonId}`}
              name="date"
              label="New date"
              type="date"
              required
              defaultValue={date}
              onChange={(event) => setMoveTo({ ...moveTo, date: event.target.value })}
              error={propose.fieldErrors.date}
            />
            <TextField
              id={`move-time-${lessonId}`}
              name="time"
              label="New start time"
              type="time"
              required
              defaultValue={time}
              onChange={(event) => setMoveTo({ ...moveTo, time: event.target.value })}
              hint={`Your time: ${zoneLabel(timezone)}`}
            />
          </div>
          <ClockChangeNotice id={`move-clock-${lessonId}`} date={moveTo.date} time={moveTo.time} zone={timezone} />
          <TextField id={`move-reason-${lessonId}`} name="reason" label="Reason (optional)" maxLength={REASON_MAX_LENGTH} />
          <Button type="submit" size="sm" disabled={propose.pending}>
            Send proposal
          </Button>
        </form>
      ) : null}
      {open === "cancel" ? (
        <form
          aria-label="Cancel the lesson"
          className="space-y-3 rounded-xl border border-red-200 bg-red-50/60 p-4 dark:border-red-900 dark:bg-red-950/30"
          onSubmit={(event) => {
            event.preventDefault();
            const values = formValues(new FormData(event.currentTarget));
            const input = { lessonId, reason: values.reason ?? "" };
            if (values.following === "on") cancelFollowing.run(input);
            else cancelOne.run(input);
          }}
        >
          <Feedback error={cancelOne.error ?? cancelFollowing.error} message={cancelOne.message ?? cancelFollowing.message} />
          <TextField
            id={`cancel-reason-${lessonId}`}
            name="reason"
            label="Reason"
            required
            maxLength={REASON_MAX_LENGTH}
            error={cancelOne.fieldErrors.reason ?? cancelFollowing.fieldErrors.reason}
          />
          {inSeries ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="following" className="size-4" /> Also cancel every later lesson of this series
            </label>
          ) : null}
          <Button type="submit" size="sm" variant="danger" disabled={cancelling}>
            Cancel lesson
          </Button>
        </form>
      ) : null}
    </div>
  );
}
