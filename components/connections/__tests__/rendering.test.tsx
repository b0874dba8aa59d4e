import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoteItem } from "@/components/connections/notes";
import { ContactDetails } from "@/components/connections/parts";

// Components receive their actions from the page; rendering needs none that works.
const unused = async () => ({ ok: true as const });

// Stored XSS corpus: each must come out as inert text.
const payloads = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "<svg onload=alert(1)>",
  '"><iframe src=javascript:alert(1)>',
  "[click](javascript:alert(1))",
  "&lt;b&gt;entity&lt;/b&gt;",
];

const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-z][a-z0-9-]*)/gi)].map((match) => match[1]!.toLowerCase());
const attributesOf = (html: string) => [...html.matchAll(/<[a-z][^>]*?\s([a-z-]+)=/gi)].map((match) => match[1]!.toLowerCase());

/** The payload adds no element and no attribute compared with plain text in the same place. */
function expectInert(render: (text: string) => ReactElement, payload: string) {
  const plain = renderToString(render("plain"));
  const attacked = renderToString(render(payload));
  expect(tagsOf(attacked)).toEqual(tagsOf(plain));
  expect(attributesOf(attacked)).toEqual(attributesOf(plain));
  expect(attacked).not.toMatch(/href="javascript:/i);
}

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
  it.each(payloads)("a private note containing %j", (payload) => expectInert(noteWith, payload));
  it.each(payloads)("contact details (phone, instruments) containing %j", (payload) => expectInert(contactWith, payload));

  it("escapes the payload rather than dropping it", () => {
    expect(renderToString(noteWith("<img src=x onerror=alert(1)>"))).toContain("Note: &lt;img src=x onerror=alert(1)&gt;");
  });
});
