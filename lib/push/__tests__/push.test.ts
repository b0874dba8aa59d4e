import { createECDH, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { pushSubscriptions } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { sendPush, vapidKeys } from "@/lib/push";
import { sendTestPush } from "@/lib/push/devices";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

interface Delivery {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A throwaway self-signed certificate: web-push only speaks HTTPS. */
function selfSignedCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "push-cert-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-keyout",
      `${dir}/key.pem`,
      "-out",
      `${dir}/cert.pem`,
    ],
    { stdio: "ignore" },
  );
  return { key: fs.readFileSync(`${dir}/key.pem`), cert: fs.readFileSync(`${dir}/cert.pem`) };
}

// A stand-in push service: /ok accepts, /gone says the subscription expired, /broken fails.
const deliveries: Delivery[] = [];
const service = https.createServer(selfSignedCertificate(), (request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    deliveries.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks) });
    const status = request.url?.startsWith("/ok") ? 201 : request.url?.startsWith("/gone") ? 410 : 500;
    response.writeHead(status).end();
  });
});
let base = "";

beforeAll(async () => {
  vi.stubEnv("NODE_TLS_REJECT_UNAUTHORIZED", "0"); // trust the stand-in's self-signed certificate
  await new Promise<void>((resolve) => service.listen(0, "127.0.0.1", resolve));
  base = `https://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(() => {
  vi.unstubAllEnvs();
  return new Promise((resolve) => service.close(resolve));
});

function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
}

describe("web push", () => {
  it("keeps one VAPID key pair per data directory", () => {
    const keys = vapidKeys();
    expect(keys?.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(vapidKeys()).toEqual(keys);
  });

  it("is off on a hosted instance without a configured pair: no key is made per instance", () => {
    const dataDir = path.join(os.tmpdir(), `hosted-push-${randomBytes(4).toString("hex")}`);
    const hosted = { DATABASE_URL: "postgres://postgres@db.example.com/musbook", AUTH_SECRET: "a".repeat(32), DATA_DIR: dataDir };
    expect(vapidKeys(parseEnv(hosted))).toBeNull();
    expect(fs.existsSync(dataDir)).toBe(false);
    const pair = { VAPID_PUBLIC_KEY: "B".repeat(87), VAPID_PRIVATE_KEY: "p".repeat(43) };
    expect(vapidKeys(parseEnv({ ...hosted, ...pair }))).toEqual({ publicKey: pair.VAPID_PUBLIC_KEY, privateKey: pair.VAPID_PRIVATE_KEY });
  });

  it("sends an encrypted, VAPID-signed notification to each device and drops the ones that are gone", async () => {
    const user = await createUser();
    await db.insert(pushSubscriptions).values([
      { userId: user.id, endpoint: `${base}/ok/phone`, ...browserKeys() },
      { userId: user.id, endpoint: `${base}/gone/old-laptop`, ...browserKeys() },
      { userId: user.id, endpoint: `${base}/broken/tablet`, ...browserKeys() },
    ]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);

    const result = await sendPush(user.id, { title: "Lesson in 30 minutes", body: "Piano with Amelia at 16:00", url: "/lessons" });
    errors.mockRestore();

    expect(result).toEqual({ sent: 1, removed: 1, failed: 1 });
    const phone = deliveries.find((delivery) => delivery.path === "/ok/phone")!;
    expect(phone.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(phone.headers["content-encoding"]).toBe("aes128gcm");
    expect(phone.headers.ttl).toBe("3600");
    expect(phone.body.length).toBeGreaterThan(0);
    expect(phone.body.toString("latin1")).not.toContain("Lesson in 30 minutes");

    const left = await db
      .select({ endpoint: pushSubscriptions.endpoint, lastUsedAt: pushSubscriptions.lastUsedAt })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, user.id));
    expect(left.map((row) => row.endpoint).sort()).toEqual([`${base}/broken/tablet`, `${base}/ok/phone`]);
    expect(left.find((row) => row.endpoint.endsWith("/ok/phone"))?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("does nothing for a user with no devices", async () => {
    const user = await createUser();
    expect(await sendPush(user.id, { title: "x" })).toEqual({ sent: 0, removed: 0, failed: 0 });
  });

  it("sends the settings page's test notification and says how many devices it reached", async () => {
    const user = await createUser();
    await db.insert(pushSubscriptions).values([
      { userId: user.id, endpoint: `${base}/ok/test-phone`, ...browserKeys() },
      { userId: user.id, endpoint: `${base}/gone/test-laptop`, ...browserKeys() },
    ]);
    expect(await sendTestPush(user)).toEqual({
      ok: true,
      message: "Test notification sent to 1 device. 1 device no longer accepted notifications and was removed.",
      data: { reached: 1 },
    });
    expect(deliveries.some((delivery) => delivery.path === "/ok/test-phone")).toBe(true);
  });

  it("says so when the test notification reached no device, and what to do", async () => {
    const [lapsed, unlucky] = [await createUser(), await createUser()];
    await db.insert(pushSubscriptions).values([
      { userId: lapsed.id, endpoint: `${base}/gone/test-tablet`, ...browserKeys() },
      { userId: unlucky.id, endpoint: `${base}/broken/test-desktop`, ...browserKeys() },
    ]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const [gone, failed] = [await sendTestPush(lapsed), await sendTestPush(unlucky)];
    errors.mockRestore();

    expect(gone).toEqual({
      ok: false,
      error:
        "The test notification reached no device. 1 device no longer accepted notifications and was removed. Choose “Notify me on this device” on each device you want notified.",
    });
    expect(failed).toEqual({
      ok: false,
      error: "The test notification reached no device. 1 device could not be reached just now. Try again in a few minutes.",
    });
  });
});
