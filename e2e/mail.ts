import { expect, type Page } from "@playwright/test";

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** One email as the embedded outbox (/dev/mail) shows it. */
export interface Email {
  id: string;
  subject: string;
  links: string[];
}

interface Listed {
  id: string;
  subject: string;
  to: string;
}

/** The first link in `email` that contains `fragment`; fails the test if there is none. */
export function linkIn(email: Email, fragment: string): string {
  const link = email.links.find((candidate) => candidate.includes(fragment));
  expect(link, `a link containing "${fragment}" in "${email.subject}"`).toBeDefined();
  return link!;
}

/** The 6-digit code in a code email's subject line. */
export function codeIn(email: Email): string {
  const code = /\b(\d{6})\b/.exec(email.subject)?.[1];
  expect(code, `a code in "${email.subject}"`).toBeDefined();
  return code!;
}

/**
 * Reads the embedded outbox on a page of its own, so reading mail never navigates a test's page.
 * Emails are sent after the response that causes them, so a reader never takes "the newest email":
 * it waits for one it has not seen before (see `Inbox`).
 */
export class Outbox {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly openPage: () => Promise<Page>) {}

  /** Reads run one at a time: they share one page. */
  private exclusive<T>(read: (page: Page) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => read(await this.openPage()));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async list(page: Page, address: string): Promise<Listed[]> {
    await page.goto("/dev/mail");
    await expect(page.getByRole("heading", { level: 1, name: "Mail outbox" })).toBeVisible();
    const listed = await page.locator('a[href^="/dev/mail/"]').evaluateAll((links) =>
      links.map((link) => {
        const [subject, to] = [...link.querySelectorAll("p")].map((line) => line.textContent ?? "");
        return { id: link.getAttribute("href")!.split("/").pop()!, subject: subject ?? "", to: to ?? "" };
      }),
    );
    return listed.filter((email) => email.to === `to ${address}`);
  }

  /**
   * Starts watching `address`: the emails already sent to it are never returned by its `next`, unless
   * `fromFirst` (for an address of the test's own, whose every email is in order from the first).
   */
  async inbox(address: string, { fromFirst = false } = {}): Promise<Inbox> {
    const existing = fromFirst ? [] : await this.exclusive((page) => this.list(page, address));
    return new Inbox(address, new Set(existing.map((email) => email.id)), this);
  }

  /** Waits for the oldest email to `address` matching `subject` whose id is not in `seen`, and opens it. */
  async waitForUnseen(address: string, subject: string | RegExp, seen: ReadonlySet<string>): Promise<Email> {
    const matches = (text: string) => (typeof subject === "string" ? text === subject : subject.test(text));
    return this.exclusive(async (page) => {
      let found: Listed | undefined;
      await expect(async () => {
        // The outbox lists newest first, so the last unseen match is the one sent first.
        found = (await this.list(page, address)).filter((email) => !seen.has(email.id) && matches(email.subject)).at(-1);
        expect(found, `a new email to ${address} with subject ${subject}`).toBeDefined();
      }).toPass({ timeout: 20_000 });
      await page.goto(`/dev/mail/${found!.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(found!.subject);
      const links = await page
        .getByRole("region", { name: "Links in this email" })
        .getByRole("link")
        .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      return { id: found!.id, subject: found!.subject, links };
    });
  }
}

/**
 * The emails to one address from the moment it was opened: `next` returns each new matching email once,
 * oldest first, so a second sign-in code can never be mistaken for the first.
 */
export class Inbox {
  constructor(
    readonly address: string,
    private readonly seen: Set<string>,
    private readonly outbox: Outbox,
  ) {}

  async next(subject: string | RegExp): Promise<Email> {
    const email = await this.outbox.waitForUnseen(this.address, subject, this.seen);
    this.seen.add(email.id);
    return email;
  }
}
