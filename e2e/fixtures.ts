import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { Outbox, linkIn, uniqueEmail, type Inbox } from "./mail";
import { signIn } from "./session";

export { expect };

export type Role = "teacher" | "student";

/** A fresh account of one test's own: no other test signs in as it or changes it. */
export interface Account {
  role: Role;
  name: string;
  email: string;
  password: string;
  timezone: string;
}

export interface AccountOptions {
  role: Role;
  name?: string;
  timezone?: string;
  /** False leaves the email address unconfirmed, as right after sign-up. */
  confirmed?: boolean;
}

export const ACCOUNT_PASSWORD = "a sonatina for each test";

/** Fills and sends the sign-up form on a page already at /sign-up (a plain visit or an invitation link). */
export async function submitSignUp(page: Page, account: Omit<Account, "role">) {
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Timezone").fill(account.timezone);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
}

/** Opens the confirmation link of the next "Confirm your email address" email in `inbox` and confirms. */
export async function confirmEmail(page: Page, inbox: Inbox) {
  const email = await inbox.next("Confirm your email address");
  await page.goto(linkIn(email, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
}

/** What a page may log without failing its test; each entry says why. */
interface AllowedError {
  pattern: RegExp;
  reason: string;
}

interface PageErrors {
  /** Lets a test expect one kind of console error (say, the 404 of a page it visits on purpose). */
  allow(pattern: RegExp, reason: string): void;
  /** Records what `page` logs; `allowedHere` applies to this page only. */
  watch(page: Page, allowedHere?: AllowedError[]): void;
}

interface Fixtures {
  pageErrors: PageErrors;
  outbox: Outbox;
  /** A page in a browser context of its own (another person, device or zone), watched like `page`. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** Signs up a fresh account through the real sign-up page and, unless told not to, confirms its email. */
  createAccount: (options: AccountOptions) => Promise<Account>;
  /** A new context signed in as `account` (at its own timezone unless the options say otherwise). */
  signedIn: (account: Account, options?: BrowserContextOptions) => Promise<Page>;
  /** A fresh teacher and a fresh student, both confirmed, with an accepted connection between them. */
  connectedPair: (options?: {
    teacher?: Omit<AccountOptions, "role">;
    student?: Omit<AccountOptions, "role">;
  }) => Promise<{ teacher: Account; student: Account }>;
}

const DEFAULT_NAMES: Record<Role, string> = { teacher: "Nadia Boulanger", student: "Lili Boulanger" };

export const test = base.extend<Fixtures>({
  /**
   * Each test is its own client, as real users are: a distinct X-Forwarded-For address, so the per-IP
   * limits on sign-up and sign-in (lib/auth/rate-limit.ts) count each test separately instead of the
   * whole suite, which all comes from 127.0.0.1.
   */
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    const octet = (value: number) => (value % 250) + 1;
    const seed = [...`${testInfo.testId}-${testInfo.retry}-${testInfo.project.name}`].reduce(
      (hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0,
      7,
    );
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": `10.${octet(seed >>> 16)}.${octet(seed >>> 8)}.${octet(seed)}` });
  },

  /**
   * No page of any test may log a console error (a Content-Security-Policy violation, a failed
   * hydration, a failed request) or throw an uncaught exception, unless the test allowed it and said why.
   */
  pageErrors: [
    async ({ context }, provide) => {
      const errors: string[] = [];
      const allowed: AllowedError[] = [];
      const record = (page: Page, text: string, allowedHere: AllowedError[]) => {
        if (![...allowed, ...allowedHere].some(({ pattern }) => pattern.test(text))) errors.push(`${page.url()}: ${text}`);
      };
      const pageErrors: PageErrors = {
        allow: (pattern, reason) => {
          expect(reason.trim(), "a reason for allowing a console error").not.toBe("");
          allowed.push({ pattern, reason });
        },
        watch: (page, allowedHere = []) => {
          page.on("console", (message) => {
            if (message.type() === "error") record(page, `console error: ${message.text()} (${message.location().url})`, allowedHere);
          });
          page.on("pageerror", (error) => record(page, `uncaught ${error.name}: ${error.message}`, allowedHere));
        },
      };
      context.on("page", (page) => pageErrors.watch(page));
      await provide(pageErrors);
      expect(errors, "console errors and uncaught exceptions").toEqual([]);
    },
    { auto: true },
  ],

  newPage: async ({ browser, extraHTTPHeaders, pageErrors }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options = {}) => {
      const context = await browser.newContext({ extraHTTPHeaders, ...options });
      contexts.push(context);
      context.on("page", (page) => pageErrors.watch(page));
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  outbox: async ({ browser, extraHTTPHeaders, pageErrors }, provide) => {
    let page: Promise<Page> | undefined;
    const open = async () => {
      const reader = await (await browser.newContext({ extraHTTPHeaders })).newPage();
      pageErrors.watch(reader, [
        {
          pattern: /^console error: Blocked script execution in 'about:srcdoc'/,
          reason:
            "the outbox shows each email in a frame sandboxed without scripts on purpose; Chromium logs this when the frame is instrumented",
        },
      ]);
      return reader;
    };
    await provide(new Outbox(() => (page ??= open())));
    if (page) await (await page).context().close();
  },

  createAccount: async ({ newPage, outbox }, provide, testInfo) => {
    await provide(async ({ role, name = DEFAULT_NAMES[role], timezone = "Europe/London", confirmed = true }) => {
      const account: Account = { role, name, email: uniqueEmail(`${role}-${testInfo.project.name}`), password: ACCOUNT_PASSWORD, timezone };
      const inbox = await outbox.inbox(account.email);
      const page = await newPage();
      await page.goto(`/sign-up?role=${role}`);
      await submitSignUp(page, account);
      if (confirmed) await confirmEmail(page, inbox);
      await page.context().close();
      return account;
    });
  },

  signedIn: async ({ newPage }, provide) => {
    await provide(async (account, options = {}) => {
      const page = await newPage({ timezoneId: account.timezone, ...options });
      await signIn(page, account.email, account.password);
      return page;
    });
  },

  connectedPair: async ({ createAccount, signedIn, outbox }, provide) => {
    await provide(async (options = {}) => {
      const teacher = await createAccount({ ...options.teacher, role: "teacher" });
      const student = await createAccount({ ...options.student, role: "student" });
      const inbox = await outbox.inbox(student.email);
      const teacherPage = await signedIn(teacher);
      await teacherPage.goto("/students");
      await teacherPage.getByLabel("Student's email").fill(student.email);
      await teacherPage.getByRole("button", { name: "Send invitation" }).click();
      await expect(teacherPage.getByText(`Invitation sent to ${student.email}.`)).toBeVisible();
      const invitation = await inbox.next(`${teacher.name} invited you to MusBook`);

      const studentPage = await signedIn(student);
      await studentPage.goto(linkIn(invitation, "/teachers?invite="));
      await studentPage
        .getByRole("region", { name: `Invitation from ${teacher.name}` })
        .getByRole("button", { name: "Accept" })
        .click();
      await expect(studentPage.getByRole("region", { name: "Your teachers" }).getByText(teacher.name)).toBeVisible();
      await Promise.all([teacherPage.context().close(), studentPage.context().close()]);
      return { teacher, student };
    });
  },
});
