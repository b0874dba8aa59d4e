import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoteItem } from "@/components/connections/notes";
import { ContactDetails } from "@/components/connections/parts";
import { expectInert, markupPayloads } from "@/tests/markup";

// Components receive their actions from the page; rendering needs none that works.
const unused = async () => ({ ok: true as const });

const noteWith = (text: string) => (
  <NoteItem
    actions={{ update: unused, remove: unused }}
    id="3b241101-e2bb-4255-8caf-4136c566a962"
    body={`Note: ${text}`}
    writtenLabel="Mon 1 Dec 2026, 17:00"
  />
);
const contactWith = (text: string) => (
  <ContactDetails
    contact={{ id: "x", name: text, email: "a@example.com", phone: `+44 ${text}`, timezone: "Europe/London", instruments: [text] }}
  />
);

describe("user text renders as text", () => {
  it.each(markupPayloads)("a private note containing %j", (payload) => expectInert(noteWith, payload));
  it.each(markupPayloads)("contact details (phone, instruments) containing %j", (payload) => expectInert(contactWith, payload));

  it("escapes the payload rather than dropping it", () => {
    expect(renderToString(noteWith("<img src=x onerror=alert(1)>"))).toContain("Note: &lt;img src=x onerror=alert(1)&gt;");
  });
});
