import fs from "node:fs";
import path from "node:path";

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's stack is, from the most telling frame anywhere on it; the first match wins. */
const CATEGORIES: [string, (functionName: string, url: string) => boolean][] = [
  ["database (PGlite, in this process)", (_, url) => url.includes("@electric-sql/pglite") || url.startsWith("wasm://")],
  ["database client (pg, Drizzle)", (_, url) => /node_modules\/(pg|pg-protocol|drizzle-orm)\//.test(url) || /drizzle/.test(url)],
  ["session (cookie, JWT, hkdf)", (name, url) => /jose|next-auth|@auth/.test(url) || /hkdf|jwtDecrypt|getToken/.test(name)],
  ["garbage collection", (name) => name === "(garbage collector)"],
  ["idle", (name) => name === "(idle)"],
];

/**
 * CPU time of the server's main thread while it was under load, by what it was doing: the samples of the last
 * `windowMs` of a V8 `--cpu-prof` profile, each counted once under the first category its stack matches.
 * What matches none is rendering and the framework (React, Next, the app's components and queries' own code).
 */
export function profileBreakdown(file: string, windowMs: number): { category: string; ms: number; share: number }[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stackCategory = new Map<number, string>();
  const categoryOf = (id: number): string => {
    const known = stackCategory.get(id);
    if (known) return known;
    const frames: { functionName: string; url: string }[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at)!.callFrame);
    const found = CATEGORIES.find(([, matches]) => frames.some((frame) => matches(frame.functionName, frame.url)));
    const category = found?.[0] ?? "rendering, framework and app code";
    stackCategory.set(id, category);
    return category;
  };
  const end = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  const totals = new Map<string, number>();
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    elapsed += profile.timeDeltas[index]!;
    if (elapsed < end - windowMs * 1000) return;
    const category = categoryOf(id);
    totals.set(category, (totals.get(category) ?? 0) + profile.timeDeltas[index]!);
  });
  const all = [...totals.values()].reduce((sum, value) => sum + value, 0);
  return [...totals].map(([category, micros]) => ({ category, ms: micros / 1000, share: micros / all })).sort((a, b) => b.ms - a.ms);
}

export function newestProfile(directory: string): string {
  const files = fs.readdirSync(directory).filter((file) => file.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`No CPU profile was written to ${directory}.`);
  return path.join(directory, files.sort().at(-1)!);
}
