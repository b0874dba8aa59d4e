import { Button, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

export function VerifyEmail({ name, url }: { name: string; url: string }) {
  return (
    <EmailLayout preview="Confirm your email address for MusBook">
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>
        Please confirm this is your email address so invitations between teachers and students can reach you in MusBook.
      </Text>
      <Button href={url} style={emailButton}>
        Confirm my email
      </Button>
      <Text style={{ ...emailText, marginTop: "16px", fontSize: "13px", color: "#6b6b80" }}>
        The link works once and expires in 24 hours. If the button doesn&rsquo;t work, paste this into your browser: {url}
      </Text>
    </EmailLayout>
  );
}
