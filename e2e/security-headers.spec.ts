import { expect, test } from "./fixtures";
import { signIn } from "./session";

const PAGES = ["/", "/sign-in", "/sign-up", "/forgot-password", "/offline", "/dashboard", "/notifications", "/settings/security"];

test.describe("security headers", () => {
  test("every page has a nonce CSP and the baseline headers; API answers have the baseline", async ({ page, request, createAccount }) => {
    const account = await createAccount({ role: "student" });
    await signIn(page, account.email, account.password);
    const nonces = new Set<string>();
    for (const path of PAGES) {
      const response = await page.goto(path);
      const headers = response!.headers();
      const csp = headers["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `nonce on ${path}`).toBeTruthy();
      nonces.add(nonce!);
      for (const directive of ["'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
        expect(csp).toContain(directive);
      expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8,}; includeSubDomains/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(headers["referrer-policy"]).toBeTruthy();
      // Next puts the nonce on every script it renders (what those load later is covered by 'strict-dynamic').
      const scriptTags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length).toBeGreaterThan(0);
      expect(
        scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
        `scripts without the nonce on ${path}`,
      ).toEqual([]);
    }
    expect(nonces.size).toBe(PAGES.length); // a fresh nonce per response

    const api = await request.get("/api/health");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["strict-transport-security"]).toBeTruthy();

    // The installable app's files: the baseline too; the worker never cached and confined to its origin.
    const worker = await request.get("/sw.js?v=test");
    expect(worker.status()).toBe(200);
    expect(worker.headers()["content-type"]).toMatch(/javascript/);
    expect(worker.headers()["cache-control"]).toContain("no-cache");
    expect(worker.headers()["content-security-policy"]).toContain("default-src 'self'");
    const manifest = await request.get("/manifest.webmanifest");
    expect(manifest.headers()["content-type"]).toMatch(/manifest\+json/);
    for (const response of [worker, manifest]) {
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["strict-transport-security"]).toBeTruthy();
    }
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context, createAccount }) => {
    const account = await createAccount({ role: "student", confirmed: false });
    await signIn(page, account.email, account.password);
    const session = (await context.cookies()).find((cookie) => cookie.name.includes("session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });
});
