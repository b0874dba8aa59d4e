import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Composer } from "@/components/messaging/composer";
import { ConversationList } from "@/components/messaging/conversation-list";
import { MessageBubble, PendingBubble } from "@/components/messaging/message-bubble";
import { LinkedText } from "@/components/ui/linked-text";
import type { ConversationSummary, MessageView } from "@/lib/messaging/types";
import { expectInert, markupPayloads } from "@/tests/markup";

const unused = async () => ({ ok: true as const });
const noChange = async () => null;

const me = "11111111-1111-4111-8111-111111111111";
const message = (body: string, overrides: Partial<MessageView> = {}): MessageView => ({
  id: "33333333-3333-4333-8333-333333333333",
  seq: 1,
  connectionId: "44444444-4444-4444-8444-444444444444",
  senderId: "22222222-2222-4222-8222-222222222222",
  clientMessageId: "55555555-5555-4555-8555-555555555555",
  body,
  createdAt: "2026-03-10T17:30:00Z",
  editedAt: null,
  deletedAt: null,
  ...overrides,
});

const bubble = (body: string, overrides: Partial<MessageView> = {}, own = false, showTime = true) => (
  <MessageBubble
    message={message(body, overrides)}
    own={own}
    zone="Asia/Tokyo"
    seen={false}
    showTime={showTime}
    changeable={own}
    onEdit={noChange}
    onDelete={noChange}
  />
);

const conversation = (name: string, preview: string): ConversationSummary => ({
  connectionId: "44444444-4444-4444-8444-444444444444",
  other: { id: "22222222-2222-4222-8222-222222222222", name, role: "teacher" },
  lastMessage: { seq: 3, senderId: me, preview, createdAt: "2026-03-10T17:30:00Z", deleted: false },
  lastActivityAt: "2026-03-10T17:30:00Z",
  unreadCount: 2,
  composer: "open",
});
const list = (conversations: ConversationSummary[], query = "") => (
  <ConversationList
    conversations={conversations}
    activeId={null}
    viewer={{ id: me, role: "student", timezone: "Europe/London" }}
    query={query}
    now={new Date("2026-03-10T20:00:00Z")}
  />
);

describe("message text", () => {
  it.each(markupPayloads)("a message containing %j renders as text", (payload) => {
    expectInert((text) => <LinkedText text={`Hi ${text} there`} />, payload);
    expectInert((text) => bubble(`Hi ${text} there`), payload);
    expectInert((text) => <PendingBubble body={text} createdAt="2026-03-10T17:30:00Z" failed zone="UTC" onRetry={() => {}} />, payload);
  });

  it.each(markupPayloads)("an inbox row whose name and preview contain %j renders as text", (payload) => {
    expectInert((text) => list([conversation(`Ada ${text}`, `Preview ${text}`)]), payload);
  });

  it("links http(s) URLs in a new tab without an opener", () => {
    const html = renderToString(<LinkedText text="Score: https://example.com/a?b=1&c=2 and javascript:alert(1)" />);
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">');
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});

describe("bubbles", () => {
  it("show the time in the viewer's zone, an edited marker, and a deleted placeholder", () => {
    expect(renderToString(bubble("Hello", { editedAt: "2026-03-10T17:31:00Z" }))).toMatch(/02:30.*· edited/);
    const deleted = renderToString(bubble("", { deletedAt: "2026-03-10T17:31:00Z" }));
    expect(deleted).toContain("Message deleted");
    expect(deleted).not.toContain("Message options");
  });

  it("leave the time to the end of a run, but still tell screen readers", () => {
    const html = renderToString(bubble("Hello", {}, false, false));
    expect(html).toMatch(/<time[^>]*class="sr-only"[^>]*>02:30<\/time>/);
    expect(renderToString(bubble("Hello", { editedAt: "2026-03-10T17:31:00Z" }, false, false))).toMatch(/>edited</);
  });

  it("offer the menu only on the viewer's own changeable message", () => {
    expect(renderToString(bubble("Mine", {}, true))).toContain("Message options");
    expect(renderToString(bubble("Theirs"))).not.toContain("Message options");
  });

  it('say "Not sent" with a retry when a send failed', () => {
    const html = renderToString(<PendingBubble body="Hi" createdAt="2026-03-10T17:30:00Z" failed zone="UTC" onRetry={() => {}} />);
    expect(html).toContain("Not sent");
    expect(html).toContain("Retry");
    expect(
      renderToString(<PendingBubble body="Hi" createdAt="2026-03-10T17:30:00Z" failed={false} zone="UTC" onRetry={() => {}} />),
    ).toContain("Sending…");
  });
});

describe("the composer without JavaScript", () => {
  it("posts the connection, the server's client id and the body, with a 4,000-character limit and a counter", () => {
    const html = renderToString(
      <Composer
        connectionId="44444444-4444-4444-8444-444444444444"
        otherName="Ada"
        serverClientMessageId="66666666-6666-4666-8666-666666666666"
        sendAction={unused}
        onSend={() => true}
        onTyping={() => {}}
      />,
    );
    expect(html).toContain('name="connectionId" value="44444444-4444-4444-8444-444444444444"');
    expect(html).toContain('name="clientMessageId" value="66666666-6666-4666-8666-666666666666"');
    expect(html).toMatch(/<textarea[^>]*name="body"[^>]*maxLength="4000"/);
    expect(html).toContain("0 / 4,000");
    expect(html).not.toMatch(/<button[^>]*\sdisabled=""/);
  });
});

describe("the inbox", () => {
  it("shows the last message with its sender, the time in the viewer's zone and the unread count", () => {
    const html = renderToString(list([conversation("Ada Lovelace", "See you Thursday")]));
    expect(html).toContain("Ada Lovelace");
    expect(html).toContain("You: See you Thursday");
    expect(html).toContain("17:30");
    expect(html).toContain('aria-label="2 unread"');
  });

  it("says how to start when there is nothing yet, and what was searched when nothing matches", () => {
    expect(renderToString(list([]))).toContain("See your invitations");
    expect(renderToString(list([], "Bach"))).toMatch(/Nothing matches.*Bach/);
  });
});
