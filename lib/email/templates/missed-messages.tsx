import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

const quote = {
  borderLeft: "3px solid #c7c4f5",
  color: "#1e1b2e",
  fontSize: "15px",
  lineHeight: "22px",
  margin: "0 0 12px",
  padding: "0 0 0 12px",
} as const;
const quoteTime = { color: "#6b6b80", fontSize: "12px", lineHeight: "18px", margin: "0 0 2px" } as const;

/** What a conversation said while the reader was away. Message text arrives as React children, so it is escaped. */
export function MissedMessages({
  name,
  senderName,
  count,
  latest,
  url,
}: {
  name: string;
  senderName: string;
  count: number;
  /** Oldest first, already shortened. */
  latest: { time: string; preview: string }[];
  url: string;
}) {
  const summary = `${senderName} sent you ${count === 1 ? "a message" : `${count} messages`} on MusBook.`;
  return (
    <EmailLayout preview={summary}>
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>{summary}</Text>
      {count > latest.length ? <Text style={quoteTime}>The latest {latest.length}:</Text> : null}
      <Section style={{ margin: "0 0 16px" }}>
        {latest.map((message) => (
          <Section key={`${message.time}-${message.preview}`} style={quote}>
            <Text style={quoteTime}>{message.time}</Text>
            <Text style={{ margin: 0 }}>{message.preview}</Text>
          </Section>
        ))}
      </Section>
      <Button href={url} style={emailButton}>
        Reply in MusBook
      </Button>
    </EmailLayout>
  );
}
