import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section className={cn("rounded-2xl border bg-surface shadow-sm", className)} {...props} />;
}

/** `justify="start"` keeps the items together instead of pushing the last one to the right. */
export function CardHeader({ justify = "between", className, ...props }: ComponentProps<"header"> & { justify?: "between" | "start" }) {
  return (
    <header
      className={cn("flex items-center gap-4 px-5 pt-5", justify === "between" ? "justify-between" : "justify-start", className)}
      {...props}
    />
  );
}

export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("text-base font-semibold tracking-tight", className)} {...props} />;
}

/** `flush` lets a list run edge to edge. */
export function CardBody({ flush = false, className, ...props }: ComponentProps<"div"> & { flush?: boolean }) {
  return <div className={cn(flush ? "pb-2 pt-3" : "px-5 pb-5 pt-3", className)} {...props} />;
}
