import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

const heading = { color: "#1e1b2e", fontSize: "15px", fontWeight: 600, lineHeight: "22px", margin: "8px 0 8px" } as const;
const row = { color: "#1e1b2e", fontSize: "14px", lineHeight: "22px", margin: "0" } as const;
const quiet = { color: "#6b6b80", fontSize: "14px", lineHeight: "22px", margin: "0 0 8px" } as const;

export interface WeeklySummaryContent {
  name: string;
  /** Already in the reader's zone. */
  lessons: { when: string; with: string }[];
  unread: { from: string; count: number }[];
  /** Teachers only. */
  attendance: { label: string; count: number }[] | null;
  zone: string;
  url: string;
}

/** Sunday evening's look at the week ahead. Names are passed as text. */
export function WeeklySummary({ name, lessons, unread, attendance, zone, url }: WeeklySummaryContent) {
  const preview =
    lessons.length === 0
      ? "No lessons in the coming week"
      : `${lessons.length} lesson${lessons.length === 1 ? "" : "s"} in the coming week`;
  return (
    <EmailLayout preview={preview} footer="You get this summary on Sunday evenings. Turn it off under Settings → Notifications.">
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>Here is your week ahead on MusBook. Times are {zone}.</Text>
      <Section>
        <Text style={heading}>Coming week</Text>
        {lessons.length === 0 ? <Text style={quiet}>No lessons booked.</Text> : null}
        {lessons.map((lesson) => (
          <Text key={`${lesson.when}-${lesson.with}`} style={row}>
            {lesson.when} · {lesson.with}
          </Text>
        ))}
      </Section>
      {unread.length > 0 ? (
        <Section>
          <Text style={heading}>Unread messages</Text>
          {unread.map((conversation) => (
            <Text key={conversation.from} style={row}>
              {conversation.from}: {conversation.count} unread
            </Text>
          ))}
        </Section>
      ) : null}
      {attendance ? (
        <Section>
          <Text style={heading}>Last week&rsquo;s attendance</Text>
          {attendance.length === 0 ? <Text style={quiet}>No lessons last week.</Text> : null}
          {attendance.map((entry) => (
            <Text key={entry.label} style={row}>
              {entry.label}: {entry.count}
            </Text>
          ))}
        </Section>
      ) : null}
      <Section style={{ marginTop: "16px" }}>
        <Button href={url} style={emailButton}>
          Open MusBook
        </Button>
      </Section>
    </EmailLayout>
  );
}
