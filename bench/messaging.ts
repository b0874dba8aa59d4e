/**
 * Messaging latency on the embedded realtime server with 200 pusher-js clients connected, on a production build
 * (`next start`): part of `npm run bench`, or alone with `npm run bench:messaging` after a build (`--sends N`, default 300).
 *   end-to-end: the teacher's send action over HTTP (session check, insert, commit, publish) until the student's
 *               pusher-js client, subscribed to the conversation's presence channel, receives message-created
 *   fan-out:    a publish through the Pusher HTTP API (the `pusher` SDK) until that same client receives it
 * Both are timed in this process, with the clients in it; the server runs in its own process.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Pusher from "pusher";
import PusherClient, { type Channel } from "pusher-js";
import { EMBEDDED_APP_ID, EMBEDDED_KEY } from "@/lib/realtime/config";
import { MESSAGE_EVENTS, type MessageCreatedEvent } from "@/lib/messaging/types";
import { openEmbeddedBench } from "./database";
import { serverActionId, signIn, startApp } from "./server";
import { BENCH_PASSWORD, busyTeacherEmail, generateStudio } from "./studio";

const WARM_UP = 20;
const CLIENTS = 200;
export const END_TO_END_BUDGET_MS = 50;
export const FAN_OUT_BUDGET_MS = 10;

const log = (message: string) => process.stderr.write(`[bench:messaging] ${message}\n`);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Client {
  pusher: PusherClient;
  subscribe(channel: string): Promise<Channel>;
}

/** A pusher-js client on the app's realtime server; `authorize` signs its private and presence subscriptions. */
function connect(
  realtimePort: number,
  authorize: (socketId: string, channel: string) => Promise<{ auth: string; channel_data?: string }>,
): Client {
  const pusher = new PusherClient(EMBEDDED_KEY, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: realtimePort,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      transport: "ajax",
      endpoint: "unused",
      customHandler: ({ socketId, channelName }, callback) =>
        void authorize(socketId, channelName).then(
          (body) => callback(null, body),
          (error: Error) => callback(error, null),
        ),
    },
  });
  return {
    pusher,
    subscribe: (name) =>
      new Promise((resolve, reject) => {
        const channel = pusher.subscribe(name);
        channel.bind("pusher:subscription_succeeded", () => resolve(channel));
        channel.bind("pusher:subscription_error", reject);
      }),
  };
}

interface Latency {
  p50: number;
  p99: number;
}

export interface MessagingFigures {
  at: string;
  clients: number;
  sends: number;
  loadAverage: number[];
  endToEnd: Latency;
  sendResponse: Latency;
  fanOut: Latency;
}

export async function measureMessaging({ sends, port }: { sends: number; port: number }): Promise<MessagingFigures> {
  const SENDS = sends;
  const actionId = serverActionId("app/(app)/messages/actions.ts", "sendMessageAction");
  const dataDir = path.resolve(".data", `bench-messaging-${Date.now()}`);
  const database = await openEmbeddedBench(dataDir);
  const clients: Client[] = [];
  try {
    const studio = await generateStudio(database.query, { teachers: 1, studentsPerTeacher: 100, weeksPast: 2, weeksAhead: 2 });
    const { rows } = (await database.query(
      `select c.id, c.teacher_id, c.student_id, s.email from connections c join users s on s.id = c.student_id
       where c.teacher_id = $1 order by s.email`,
      [studio.busyTeacherId],
    )) as { rows: { id: string; teacher_id: string; student_id: string; email: string }[] };
    await database.close();
    const [conversation, ...others] = rows;
    if (!conversation) throw new Error("The studio has no connections.");

    const app = await startApp(port, database.serverEnv);
    try {
      const realtimePort = port + 1;
      const secret = fs.readFileSync(path.join(dataDir, "realtime-secret"), "utf8").trim();
      const server = new Pusher({
        appId: EMBEDDED_APP_ID,
        key: EMBEDDED_KEY,
        secret,
        host: "127.0.0.1",
        port: String(realtimePort),
        useTLS: false,
        agent: new http.Agent({ keepAlive: true, timeout: 4_000 }),
      });
      const teacherCookie = await signIn(app.origin, busyTeacherEmail(0), BENCH_PASSWORD);
      const studentCookie = await signIn(app.origin, conversation.email, BENCH_PASSWORD);

      // The receiver is authorized by the app itself, as a browser would be.
      const viaApp = async (socketId: string, channel: string) => {
        const response = await fetch(`${app.origin}/api/realtime/auth`, {
          method: "POST",
          headers: { cookie: studentCookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ socket_id: socketId, channel_name: channel }),
        });
        if (!response.ok) throw new Error(`realtime auth answered ${response.status}`);
        return (await response.json()) as { auth: string; channel_data?: string };
      };
      const receiver = connect(realtimePort, viaApp);
      clients.push(receiver);
      const channel = await receiver.subscribe(`presence-connection-${conversation.id}`);

      // The other 199 sit in the presence channels of the other conversations, signed here with the same secret.
      const locally = (member: string) => async (socketId: string, name: string) =>
        server.authorizeChannel(socketId, name, { user_id: member, user_info: { name: "Bench" } });
      const idle = Array.from({ length: CLIENTS - 1 }, (_, index) => {
        const other = others[index % others.length]!;
        const client = connect(realtimePort, locally(index % 2 ? other.teacher_id : other.student_id));
        clients.push(client);
        return client.subscribe(`presence-connection-${other.id}`);
      });
      await Promise.all(idle);
      log(`${clients.length} clients connected and subscribed`);

      const waiting = new Map<string, (at: number) => void>();
      channel.bind(MESSAGE_EVENTS.created, (event: MessageCreatedEvent) => waiting.get(event.clientMessageId)?.(performance.now()));
      channel.bind("bench-ping", (event: { id: string }) => waiting.get(event.id)?.(performance.now()));
      const arrival = (id: string) => new Promise<number>((resolve) => waiting.set(id, resolve));

      const endToEnd: number[] = [];
      const response: number[] = [];
      for (let index = 0; index < SENDS + WARM_UP; index++) {
        const clientMessageId = randomUUID();
        const arrived = arrival(clientMessageId);
        const started = performance.now();
        const reply = await fetch(`${app.origin}/messages/${conversation.id}`, {
          method: "POST",
          headers: { cookie: teacherCookie, "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin: app.origin },
          body: JSON.stringify([null, { connectionId: conversation.id, clientMessageId, body: `Bench message ${index}` }]),
        });
        await reply.arrayBuffer();
        const answered = performance.now();
        if (!reply.ok) throw new Error(`send answered ${reply.status}`);
        const received = await Promise.race([
          arrived,
          new Promise<number>((_, reject) => setTimeout(() => reject(new Error("no delivery in 10 s")), 10_000)),
        ]);
        waiting.delete(clientMessageId);
        if (index >= WARM_UP) {
          endToEnd.push(received - started);
          response.push(answered - started);
        }
      }

      const fanOut: number[] = [];
      for (let index = 0; index < SENDS + WARM_UP; index++) {
        const id = randomUUID();
        const arrived = arrival(id);
        const started = performance.now();
        await server.trigger(`presence-connection-${conversation.id}`, "bench-ping", { id });
        const received = await arrived;
        waiting.delete(id);
        if (index >= WARM_UP) fanOut.push(received - started);
      }

      return {
        at: new Date().toISOString(),
        clients: clients.length,
        sends: SENDS,
        loadAverage: os.loadavg().map((value) => Number(value.toFixed(1))),
        endToEnd: { p50: percentile(endToEnd, 50), p99: percentile(endToEnd, 99) },
        sendResponse: { p50: percentile(response, 50), p99: percentile(response, 99) },
        fanOut: { p50: percentile(fanOut, 50), p99: percentile(fanOut, 99) },
      };
    } catch (error) {
      log(`server output:\n${app.output().slice(-4000)}`);
      throw error;
    } finally {
      for (const client of clients) client.pusher.disconnect();
      await app.stop();
    }
  } finally {
    await database.destroy();
  }
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build in .next: run `npm run build` (or `npm run bench`) first.");
  const args = process.argv.slice(2);
  const sends = Number(args.includes("--sends") ? args[args.indexOf("--sends") + 1] : 300);
  const figures = await measureMessaging({ sends, port: Number(process.env.BENCH_PORT ?? 3370) });
  const line = (label: string, { p50, p99 }: Latency, budget?: number) =>
    `| ${label.padEnd(40)} | ${p50.toFixed(1).padStart(7)} ms | ${p99.toFixed(1).padStart(7)} ms | ${budget ? `${budget} ms`.padStart(6) : "".padStart(6)} | ${budget ? (p99 <= budget ? "pass" : "FAIL") : "info"}   |`;
  console.log(`| ${"figure".padEnd(40)} | ${"p50".padStart(10)} | ${"p99".padStart(10)} | budget | result |`);
  console.log(line(`message end-to-end (${figures.clients} clients)`, figures.endToEnd, END_TO_END_BUDGET_MS));
  console.log(line("send action's HTTP response", figures.sendResponse));
  console.log(line(`realtime fan-out (${figures.clients} clients)`, figures.fanOut, FAN_OUT_BUDGET_MS));
  console.log(`${figures.sends} sends; load average ${figures.loadAverage.join(" / ")} on ${os.cpus().length} cores`);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/messaging.json", `${JSON.stringify(figures, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("bench/messaging.ts")) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("[bench:messaging] failed:", error);
      process.exit(1);
    },
  );
}
