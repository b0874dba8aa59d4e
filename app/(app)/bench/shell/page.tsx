import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isBenchRun } from "@/lib/bench";

export const metadata: Metadata = { title: "Benchmark shell reference", robots: { index: false, follow: false } };

/**
 * The bench's yardstick for a signed-in page: the signed-in shell (session check, unread counts, navigation) around
 * nothing, so a page's figure against it is the cost of the page's own work. A 404 outside bench runs (BENCH=1).
 */
export default async function BenchShellReferencePage() {
  await connection();
  if (!isBenchRun()) notFound();
  return <h1 className="text-2xl font-bold tracking-tight">Benchmark shell reference</h1>;
}
