import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { Outbox, linkIn, uniqueEmail, type Inbox, type Mailbox } from "./mail";
import { signIn } from "./session";

export { expect };

export type Role = "teacher" | "student";

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
  confirmed?: boolean;
}

export const ACCOUNT_PASSWORD = "a sonatina for each test";

export async function submitSignUp(page: Page, account: Omit<Account, "role">) {
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Timezone").fill(account.timezone);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
}

export async function confirmEmail(page: Page, inbox: Inbox) {
  const email = await inbox.next("Confirm your email address");
  await page.goto(linkIn(email, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
}

interface AllowedError {
  pattern: RegExp;
  reason: string;
}

interface PageErrors {
  allow(pattern: RegExp, reason: string): void;
  watch(page: Page, allowedHere?: AllowedError[]): void;
}

interface Options {
  /**
   * How accounts and connections that a test starts from are made: "api" through the embedded server's test-only
   * routes (app/api/test), the same domain functions in one request; "forms" through the pages, where those routes do
   * not exist (hosted mode). Sign-up, confirmation and invitations are driven through their pages in their own specs.
   */
  setup: "api" | "forms";
}

interface Fixtures {
  pageErrors: PageErrors;
  outbox: Mailbox;
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  createAccount: (options: AccountOptions) => Promise<Account>;
  signedIn: (account: Account, options?: BrowserContextOptions) => Promise<Page>;
  connectedPair: (options?: {
    teacher?: Omit<AccountOptions, "role">;
    student?: Omit<AccountOptions, "role">;
  }) => Promise<{ teacher: Account; student: Account }>;
  /** A new student who accepts the teacher's invitation, as `connectedPair` does. */
  connectStudent: (teacher: Account, options?: Omit<AccountOptions, "role">) => Promise<Account>;
}

const DEFAULT_NAMES: Record<Role, string> = { teacher: "Nadia Boulanger", student: "Lili Boulanger" };

export const test = base.extend<Options & Fixtures>({
  setup: ["api", { option: true }],

  /** A distinct X-Forwarded-For per test, so per-IP sign-up/sign-in limits count each test, not the whole suite on 127.0.0.1. */
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    const octet = (value: number) => (value % 250) + 1;
    const seed = [...`${testInfo.testId}-${testInfo.retry}-${testInfo.project.name}`].reduce(
      (hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0,
      7,
    );
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": `10.${octet(seed >>> 16)}.${octet(seed >>> 8)}.${octet(seed)}` });
  },

  /** No console error or uncaught exception unless the test allowed it and said why. */
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

  createAccount: async ({ newPage, outbox, request, setup }, provide, testInfo) => {
    await provide(async ({ role, name = DEFAULT_NAMES[role], timezone = "Europe/London", confirmed = true }) => {
      const account: Account = { role, name, email: uniqueEmail(`${role}-${testInfo.project.name}`), password: ACCOUNT_PASSWORD, timezone };
      if (setup === "api" && confirmed) {
        const response = await request.post("/api/test/accounts", {
          data: { role, name, email: account.email, password: account.password, timezone },
        });
        expect(response.ok(), await response.text()).toBe(true);
        return account;
      }
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

  connectedPair: async ({ createAccount, connectStudent }, provide) => {
    await provide(async (options = {}) => {
      const teacher = await createAccount({ ...options.teacher, role: "teacher" });
      const student = await connectStudent(teacher, options.student);
      return { teacher, student };
    });
  },

  connectStudent: async ({ createAccount, signedIn, outbox, request, setup }, provide) => {
    await provide(async (teacher, options = {}) => {
      const student = await createAccount({ ...options, role: "student" });
      if (setup === "api") {
        const response = await request.post("/api/test/connections", {
          data: { teacherEmail: teacher.email, studentEmail: student.email },
        });
        expect(response.ok(), await response.text()).toBe(true);
        return student;
      }
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
      return student;
    });
  },
});
