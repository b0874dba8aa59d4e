"use client";

import { Menu, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { SidebarContents, type SidebarProps } from "./sidebar-contents";

/**
 * The phone menu: a button in the top bar that opens the sidebar's contents as a drawer. They are rendered here, in
 * the browser, only while it is open: from the server, a second copy would be in every page's payload.
 */
export function MobileNav(sidebar: SidebarProps) {
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
          {open ? <SidebarContents {...sidebar} /> : null}
        </div>
      </dialog>
    </>
  );
}
