// The time and scheduling suites must give the same answers whatever zone the process runs in.
// Runs them once per zone with TZ set; the tests themselves freeze the clock or pass `now` explicitly.
// The zone this machine already runs in is left out: `npm run test:unit` covers it.
import { spawnSync } from "node:child_process";

const zones = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Tokyo"];
const suites = ["lib/time", "lib/scheduling", "lib/practice", "components/messaging/__tests__/thread-state.test.ts"];
// Suites about who may do what, random input and statement counts: nothing in them reads a wall-clock zone.
const zoneFree = ["**/authorization*.test.ts", "**/fuzz.test.ts", "**/constraint-guard.test.ts", "**/*-statements.test.ts"];

const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const toRun = zones.filter((zone) => zone !== machineZone);
const exclusions = zoneFree.flatMap((glob) => ["--exclude", glob]);

for (const zone of toRun) {
  console.log(`\n▶ TZ=${zone}`);
  const run = spawnSync("npx", ["vitest", "run", ...suites, ...exclusions], { stdio: "inherit", env: { ...process.env, TZ: zone } });
  if (run.status !== 0) {
    console.error(`✖ the time suite failed under TZ=${zone}`);
    process.exit(run.status ?? 1);
  }
}
const skipped = toRun.length < zones.length ? ` (${machineZone}, this machine's zone, is covered by npm run test:unit)` : "";
console.log(`\n✔ the time suite passed under ${toRun.join(", ")}${skipped}`);
