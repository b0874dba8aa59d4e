// Drives load from its own process (so the server under test and the load generator do not share an event
// loop): `node bench/load.mjs <json options>` prints autocannon's figures for one URL as one JSON line.
import autocannon from "autocannon";

const { url, cookie, connections, seconds } = JSON.parse(process.argv[2]);
const result = await autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  })}\n`,
);
