import { MessagesSquare } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Inbox and thread side by side on wide screens; on phones one screen at a time, edge to edge below the top bar. */
export function MessagesFrame({ list, showing, children }: { list: ReactNode; showing: "list" | "thread"; children: ReactNode }) {
  return (
    <div
      className={cn(
        "-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] bg-surface sm:-mx-6",
        "lg:mx-0 lg:my-0 lg:grid lg:h-[calc(100dvh-5rem)] lg:grid-cols-[20rem_1fr] lg:overflow-hidden lg:rounded-2xl lg:border lg:shadow-sm xl:grid-cols-[22rem_1fr]",
      )}
    >
      <div className={cn("min-h-0 w-full min-w-0 lg:block lg:border-r", showing === "list" ? "block" : "hidden")}>{list}</div>
      <div className={cn("min-h-0 w-full min-w-0 lg:block", showing === "thread" ? "block" : "hidden")}>{children}</div>
    </div>
  );
}

export function NoConversationOpen() {
  return (
    <div className="grid h-full place-items-center bg-background p-8 text-center">
      <div className="max-w-xs space-y-3">
        <span className="mx-auto grid size-12 place-items-center rounded-2xl bg-accent-soft text-accent-soft-foreground">
          <MessagesSquare className="size-6" aria-hidden="true" />
        </span>
        <p className="font-medium">Pick a conversation</p>
        <p className="text-sm text-muted-foreground">Choose someone on the left to read and write messages.</p>
      </div>
    </div>
  );
}
