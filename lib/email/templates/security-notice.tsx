import { Button, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

/** A short "this changed on your account" email: two-step sign-in on or off, and similar. */
export function SecurityNotice({ name, summary, settingsUrl }: { name: string; summary: string; settingsUrl: string }) {
  return (
    <EmailLayout preview={summary}>
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>{summary}</Text>
      <Text style={emailText}>If this wasn&rsquo;t you, reset your password straight away and review your security settings.</Text>
      <Button href={settingsUrl} style={emailButton}>
        Review security settings
      </Button>
    </EmailLayout>
  );
}
