import { test as base, expect } from "@playwright/test";

export { expect };

export const test = base.extend<{ cspViolations: string[] }>({
  /**
   * Each test is its own client, as real users are: a distinct X-Forwarded-For address, so the per-IP
   * limits on sign-up and sign-in (lib/auth/rate-limit.ts) count each test separately instead of the
   * whole suite, which all comes from 127.0.0.1.
   */
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    const octet = (value: number) => (value % 250) + 1;
    const seed = [...`${testInfo.testId}-${testInfo.retry}-${testInfo.project.name}`].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": `10.${octet(seed >>> 16)}.${octet(seed >>> 8)}.${octet(seed)}` });
  },
  /** T15: no page of any test may trip the Content-Security-Policy. */
  cspViolations: [
    async ({ page }, provide) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await provide(violations);
      expect(violations, "CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});
