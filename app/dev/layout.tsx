import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { emailTransport } from "@/lib/email";

// Read on every request, never prerendered: `next build` must not open a database.
export const dynamic = "force-dynamic";

/** Developer tools exist only in embedded mode, where email goes to the outbox instead of Resend. */
export default function DevLayout({ children }: { children: ReactNode }) {
  if (emailTransport() !== "outbox") notFound();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p className="mb-6 inline-flex rounded-full bg-amber-100 px-3 py-1 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
        Embedded mode · development tools
      </p>
      {children}
    </div>
  );
}
