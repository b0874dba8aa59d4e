import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("runs embedded with no configuration", () => {
    const config = parseEnv({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.APP_URL).toBe("http://localhost:3000");
    expect(config.dataDir.endsWith(".data")).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a postgres URL with a session secret", () => {
    const config = parseEnv({ DATABASE_URL: "postgres://u:p@db.example.com:5432/musbook", AUTH_SECRET: "s".repeat(32) });
    expect(config.DATABASE_URL).toContain("db.example");
  });

  it("sizes each instance's database pool from DATABASE_POOL_MAX (10 unless set), within 1–100", () => {
    expect(parseEnv({}).DATABASE_POOL_MAX).toBe(10);
    expect(parseEnv({ DATABASE_POOL_MAX: "3" }).DATABASE_POOL_MAX).toBe(3);
    for (const bad of ["0", "101", "2.5", "few"]) {
      expect(() => parseEnv({ DATABASE_POOL_MAX: bad })).toThrow(/^Invalid configuration: DATABASE_POOL_MAX /);
    }
  });

  it("requires AUTH_SECRET in hosted mode, and a long one", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://db.example.com/musbook" })).toThrow(/AUTH_SECRET is required/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/^Invalid configuration: AUTH_SECRET must be at least 32/);
  });

  it.each(["not a url", "mysql://localhost/db", "postgres://", "http://localhost:5432/db"])(
    "refuses DATABASE_URL=%s with a one-line message naming the variable",
    (value) => {
      expect(() => parseEnv({ DATABASE_URL: value })).toThrow(ConfigError);
      try {
        parseEnv({ DATABASE_URL: value });
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toMatch(/^Invalid configuration: DATABASE_URL /);
        expect(message).not.toContain("\n");
        expect(message).not.toContain(value === "postgres://" ? "\u0000" : value);
      }
    },
  );

  it("names the missing Pusher variables when only some are set", () => {
    expect(() => parseEnv({ PUSHER_KEY: "k" })).toThrow(
      "Invalid configuration: PUSHER_APP_ID, PUSHER_SECRET, PUSHER_CLUSTER (or PUSHER_HOST) must be set to use Pusher",
    );
    expect(
      parseEnv({ PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s", PUSHER_HOST: "soketi.internal", PUSHER_PORT: "6001" })
        .PUSHER_PORT,
    ).toBe(6001);
    expect(() => parseEnv({ PUSHER_PORT: "99999" })).toThrow(/PUSHER_PORT/);
  });

  it("requires both VAPID keys or neither", () => {
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: "B".repeat(87) })).toThrow("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together");
    expect(() => parseEnv({ VAPID_SUBJECT: "support@example.com" })).toThrow(/VAPID_SUBJECT must be a mailto:/);
  });

  it("names APP_URL when it is not an http URL", () => {
    expect(() => parseEnv({ APP_URL: "ftp://example.com" })).toThrow(/APP_URL/);
  });
});
