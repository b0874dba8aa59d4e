// the time and scheduling suites must give the same answers whatever zone the process runs in.
// Runs them once per zone with TZ set; the tests themselves freeze the clock or pass `now` explicitly.
import { spawnSync } from "node:child_process";

const zones = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Tokyo"];
const suites = ["lib/time", "lib/scheduling", "lib/practice", "components/messaging/__tests__/thread-state.test.ts"];

for (const zone of zones) {
  console.log(`\n▶ TZ=${zone}`);
  const run = spawnSync("npx", ["vitest", "run", ...suites], { stdio: "inherit", env: { ...process.env, TZ: zone } });
  if (run.status !== 0) {
    console.error(`✖ the time suite failed under TZ=${zone}`);
    process.exit(run.status ?? 1);
  }
}
console.log(`\n✔ the time suite passed under ${zones.join(", ")}`);
