import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * Each test is its own client, as real users are: a distinct X-Forwarded-For address, so the per-IP
 * limits on sign-up and sign-in (lib/auth/rate-limit.ts) count each test separately instead of the
 * whole suite, which all comes from 127.0.0.1.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
    const octet = (value: number) => (value % 250) + 1;
    const seed = [...`${testInfo.testId}-${testInfo.retry}-${testInfo.project.name}`].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
    await use({ ...extraHTTPHeaders, "x-forwarded-for": `10.${octet(seed >>> 16)}.${octet(seed >>> 8)}.${octet(seed)}` });
  },
});
