import { expect, type Page } from "@playwright/test";

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

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

export function linkIn(email: Email, fragment: string): string {
  const link = email.links.find((candidate) => candidate.includes(fragment));
  expect(link, `a link containing "${fragment}" in "${email.subject}"`).toBeDefined();
  return link!;
}

export function codeIn(email: Email): string {
  const code = /\b(\d{6})\b/.exec(email.subject)?.[1];
  expect(code, `a code in "${email.subject}"`).toBeDefined();
  return code!;
}

/** Where a test reads the emails sent to an address: the embedded server's outbox, or (hosted) the Resend stand-in. */
export interface Mailbox {
  inbox(address: string, options?: { fromFirst?: boolean }): Promise<Inbox>;
  waitForUnseen(address: string, subject: string | RegExp, seen: ReadonlySet<string>): Promise<Email>;
}

export const subjectMatcher = (subject: string | RegExp) => (text: string) =>
  typeof subject === "string" ? text === subject : subject.test(text);

/** Emails are sent after the response that causes them, so readers wait for an unseen email rather than take the newest. */
export class Outbox implements Mailbox {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly openPage: () => Promise<Page>) {}

  private exclusive<T>(read: (page: Page) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => read(await this.openPage()));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async list(page: Page, address: string): Promise<Listed[]> {
    await page.goto(`/dev/mail?to=${encodeURIComponent(address)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Mail outbox" })).toBeVisible();
    const listed = await page.locator('a[href^="/dev/mail/"]').evaluateAll((links) =>
      links.map((link) => {
        const [subject, to] = [...link.querySelectorAll("p")].map((line) => line.textContent ?? "");
        return { id: link.getAttribute("href")!.split("/").pop()!, subject: subject ?? "", to: to ?? "" };
      }),
    );
    return listed.filter((email) => email.to === `to ${address.toLowerCase()}`);
  }

  async inbox(address: string, { fromFirst = false } = {}): Promise<Inbox> {
    const existing = fromFirst ? [] : await this.exclusive((page) => this.list(page, address));
    return new Inbox(address, new Set(existing.map((email) => email.id)), this);
  }

  async waitForUnseen(address: string, subject: string | RegExp, seen: ReadonlySet<string>): Promise<Email> {
    const matches = subjectMatcher(subject);
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

export class Inbox {
  constructor(
    readonly address: string,
    private readonly seen: Set<string>,
    private readonly outbox: Mailbox,
  ) {}

  async next(subject: string | RegExp): Promise<Email> {
    const email = await this.outbox.waitForUnseen(this.address, subject, this.seen);
    this.seen.add(email.id);
    return email;
  }
}
