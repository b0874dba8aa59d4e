import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-sm font-medium", className)} {...props} />;
}

export function Input({ compact = false, className, ...props }: ComponentProps<"input"> & { compact?: boolean }) {
  return (
    <input
      className={cn(
        compact ? "h-10" : "h-11",
        "w-full rounded-lg border bg-surface px-3 text-base shadow-sm outline-none transition placeholder:text-muted-foreground/70 focus:border-accent focus:ring-2 focus:ring-ring/30 aria-[invalid=true]:border-red-500 sm:text-sm",
        className,
      )}
      {...props}
    />
  );
}

export function Textarea({ compact = false, className, ...props }: ComponentProps<"textarea"> & { compact?: boolean }) {
  return (
    <textarea
      className={cn(
        compact ? "min-h-20" : "min-h-28",
        "block w-full rounded-lg border bg-surface px-3 py-2.5 text-base shadow-sm outline-none transition placeholder:text-muted-foreground/70 focus:border-accent focus:ring-2 focus:ring-ring/30 aria-[invalid=true]:border-red-500 sm:text-sm",
        className,
      )}
      {...props}
    />
  );
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-11 w-full rounded-lg border bg-surface px-3 text-base shadow-sm outline-none focus:border-accent focus:ring-2 focus:ring-ring/30 aria-[invalid=true]:border-red-500 sm:text-sm",
        className,
      )}
      {...props}
    />
  );
}

/** A field label followed by a quiet "(optional)". */
export function OptionalLabel({ children }: { children: ReactNode }) {
  return (
    <>
      {children} <span className="font-normal text-muted-foreground">(optional)</span>
    </>
  );
}

/** A labelled input with its error message wired up for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled text input whose error is announced with it: the common case of `Field` + `Input`. */
export function TextField({
  id,
  label,
  error,
  hint,
  ...input
}: Omit<ComponentProps<"input">, "id"> & { id: string; label: ReactNode; error?: string; hint?: ReactNode }) {
  const describedBy = [error ? `${id}-error` : hint ? `${id}-hint` : null, input["aria-describedby"]].filter(Boolean).join(" ");
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <Input id={id} name={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} />
    </Field>
  );
}

export function FormAlert({ tone = "error", children }: { tone?: "error" | "success"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg border px-3 py-2.5 text-sm",
        tone === "error"
          ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
          : "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
      )}
    >
      {children}
    </div>
  );
}
