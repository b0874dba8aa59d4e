import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isBenchRun } from "@/lib/bench";

export const metadata: Metadata = { title: "Benchmark reference", robots: { index: false, follow: false } };

/**
 * The bench's yardstick: a dynamic page rendered by the same build behind the same proxy, with no
 * session and no queries. Only exists in bench runs (BENCH=1); everywhere else it is a 404.
 */
export default async function BenchReferencePage() {
  await connection();
  if (!isBenchRun()) notFound();
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-lg font-semibold">Benchmark reference</h1>
      <p className="text-sm text-muted-foreground">Rendered at {new Date().toISOString()}.</p>
    </main>
  );
}
