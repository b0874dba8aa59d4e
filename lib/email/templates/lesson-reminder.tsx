import { Button, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

const detailLabel = { color: "#6b6b80", fontSize: "12px", lineHeight: "18px", margin: "0" } as const;
const detailValue = { color: "#1e1b2e", fontSize: "15px", lineHeight: "22px", margin: "0 0 12px" } as const;

/** A lesson reminder. Names and the location are passed as text (a web link is shown as one), so they stay data. */
export function LessonReminder({
  name,
  headline,
  when,
  zone,
  otherParty,
  location,
  url,
}: {
  name: string;
  headline: string;
  /** Already in the reader's zone: "Mon 6 Feb, 17:00–17:45". */
  when: string;
  zone: string;
  otherParty: { label: string; name: string };
  location: string | null;
  url: string;
}) {
  const isWebLink = location !== null && /^https?:\/\/\S+$/i.test(location);
  return (
    <EmailLayout
      preview={`${headline}: ${when}`}
      footer="You get lesson reminders at the times you chose. Change them under Settings → Notifications."
    >
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>{headline}.</Text>
      <Section style={{ margin: "0 0 16px" }}>
        <Text style={detailLabel}>When</Text>
        <Text style={detailValue}>{`${when} · ${zone}`}</Text>
        <Text style={detailLabel}>{otherParty.label}</Text>
        <Text style={detailValue}>{otherParty.name}</Text>
        {location ? (
          <>
            <Text style={detailLabel}>Where</Text>
            <Text style={detailValue}>{isWebLink ? <Link href={location}>{location}</Link> : location}</Text>
          </>
        ) : null}
      </Section>
      <Button href={url} style={emailButton}>
        Open the lesson
      </Button>
      <Text style={{ ...detailLabel, marginTop: "16px" }}>The attached file adds the lesson to your calendar.</Text>
    </EmailLayout>
  );
}
