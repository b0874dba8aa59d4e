"use client";

import { Menu, X } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The phone menu: a button in the top bar that opens the sidebar's contents as a drawer. They are rendered
 * only while it is open: closed, a second copy of the sidebar would only add to every page's HTML.
 */
export function MobileNav({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label="Open menu"
        className="grid size-10 place-items-center rounded-lg text-muted-foreground hover:bg-surface-muted lg:hidden"
      >
        <Menu className="size-5" aria-hidden="true" />
      </button>
      <dialog
        ref={dialog}
        aria-label="Menu"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          if (event.target === event.currentTarget) setOpen(false);
          else if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r bg-surface p-0 text-foreground backdrop:bg-black/40 lg:hidden"
      >
        <div className="flex h-full flex-col">
          <div className="flex justify-end p-2">
            <button
              type="button"
              onClick={() => setOpen(false)}
              aria-label="Close menu"
              className="grid size-10 place-items-center rounded-lg text-muted-foreground hover:bg-surface-muted"
            >
              <X className="size-5" aria-hidden="true" />
            </button>
          </div>
          {open ? children : null}
        </div>
      </dialog>
    </>
  );
}
