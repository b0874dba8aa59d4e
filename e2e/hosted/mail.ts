import { expect } from "@playwright/test";
import type { ListedEmail } from "../../tests/resend-stand-in";
import { Inbox, subjectMatcher, type Email, type Mailbox } from "../mail";
import { RESEND_STAND_IN } from "./instances";

/** The emails hosted instances sent through the Resend API, as its local stand-in received them. */
export class StandInMailbox implements Mailbox {
  private async list(address: string): Promise<ListedEmail[]> {
    const response = await fetch(`${RESEND_STAND_IN}/test/emails?to=${encodeURIComponent(address)}`);
    expect(response.ok, "the Resend stand-in lists what it received").toBe(true);
    return (await response.json()) as ListedEmail[];
  }

  async inbox(address: string, { fromFirst = false } = {}): Promise<Inbox> {
    const existing = fromFirst ? [] : await this.list(address);
    return new Inbox(address, new Set(existing.map((email) => email.id)), this);
  }

  async waitForUnseen(address: string, subject: string | RegExp, seen: ReadonlySet<string>): Promise<Email> {
    const matches = subjectMatcher(subject);
    let found: ListedEmail | undefined;
    await expect(async () => {
      found = (await this.list(address)).find((email) => !seen.has(email.id) && matches(email.subject));
      expect(found, `a new email to ${address} with subject ${subject}`).toBeDefined();
    }).toPass({ timeout: 20_000 });
    return { id: found!.id, subject: found!.subject, links: found!.links };
  }
}
