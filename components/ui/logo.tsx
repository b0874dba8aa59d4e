import { cn } from "@/lib/utils";

/** The MusBook mark: a quaver inside a rounded square, and the word mark beside it. */
export function Logo({ className, showName = true }: { className?: string; showName?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 32 32" aria-hidden="true" className="size-8 shrink-0">
        <rect width="32" height="32" rx="9" className="fill-brand-600" />
        <path d="M13 22.5a3.5 3.5 0 1 1-2-3.16V8.6l10-2.1v12.9a3.5 3.5 0 1 1-2-3.16V10.4l-6 1.26v10.84Z" className="fill-white" />
      </svg>
      {showName ? <span className="text-lg">MusBook</span> : <span className="sr-only">MusBook</span>}
    </span>
  );
}
