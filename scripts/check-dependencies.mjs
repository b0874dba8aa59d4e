#!/usr/bin/env node
// Dependency gate: refuses framework versions below their patched lines and
// high-severity advisories reported by `npm audit --omit=dev`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

/** Lowest releases carrying the fixes for the advisories. */
const minimums = { next: "16.2.6", react: "19.2.1", "react-dom": "19.2.1" };
/** Packages whose range in package.json must be an exact version (pre-1.0 or beta APIs). */
const exactPins = ["next", "next-auth", "drizzle-orm"];

const compare = (a, b) => {
  const parse = (version) => version.split("-")[0].split(".").map(Number);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

const failures = [];
const manifest = JSON.parse(fs.readFileSync("package.json", "utf8"));
const declared = { ...manifest.dependencies, ...manifest.devDependencies };

for (const [name, minimum] of Object.entries(minimums)) {
  const installed = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")).version;
  if (compare(installed, minimum) < 0) failures.push(`${name} ${installed} is below the patched line ${minimum}`);
}
for (const name of exactPins) {
  if (declared[name] !== undefined && !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(declared[name])) {
    failures.push(`${name} must be pinned to an exact version in package.json (found "${declared[name]}")`);
  }
}

const audit = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(audit.stdout);
} catch {
  report = undefined;
}
if (report?.metadata?.vulnerabilities) {
  const { high = 0, critical = 0 } = report.metadata.vulnerabilities;
  if (high + critical > 0) failures.push(`npm audit --omit=dev reports ${high} high and ${critical} critical advisories`);
  else console.info("npm audit --omit=dev: no high or critical advisories.");
} else {
  // This workplace's registry mirror answers the audit endpoint with 405; say so rather than pass silently.
  const reason = report?.message || report?.error?.summary || audit.stderr.trim().split("\n")[0] || "no answer";
  console.warn(`npm audit unavailable (${reason}); version floors still enforced.`);
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`dependency gate: ${failure}`);
  process.exit(1);
}
console.info("Dependency gate passed.");
