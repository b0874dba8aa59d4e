import { Button, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

export function PasswordReset({ name, url }: { name: string; url: string }) {
  return (
    <EmailLayout preview="Choose a new password for MusBook">
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>Someone — hopefully you — asked to reset the password of your MusBook account. Choose a new one here:</Text>
      <Button href={url} style={emailButton}>
        Choose a new password
      </Button>
      <Text style={{ ...emailText, marginTop: "16px", fontSize: "13px", color: "#6b6b80" }}>
        The link works once and expires in 30 minutes. If you didn&rsquo;t ask for it, ignore this email: your password stays as it is. If
        the button doesn&rsquo;t work, paste this into your browser: {url}
      </Text>
    </EmailLayout>
  );
}
