// `npm run check:deploy`: checks the hosted configuration in this environment before a deploy, one line per item,
// and exits non-zero when any fails. Run it with the deploy's variables set (e.g. `vercel env pull` into the shell).
import { runDeployChecks } from "../lib/deploy/checks";

const checks = await runDeployChecks(process.env);
for (const check of checks) console.log(`${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}`);
const failed = checks.filter((check) => !check.ok).length;
console.log(failed === 0 ? "Ready to deploy." : `${failed} check(s) failed.`);
process.exit(failed === 0 ? 0 : 1);
