import { Button, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

/** Tells the owner after a reset, so a takeover does not go unnoticed. */
export function PasswordChanged({ name, signInUrl, resetUrl }: { name: string; signInUrl: string; resetUrl: string }) {
  return (
    <EmailLayout preview="Your MusBook password was changed">
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>
        The password of your MusBook account was just changed, and every device that was signed in has been signed out.
      </Text>
      <Button href={signInUrl} style={emailButton}>
        Sign in to MusBook
      </Button>
      <Text style={{ ...emailText, marginTop: "16px" }}>Wasn&rsquo;t you? Choose a new password straight away: {resetUrl}</Text>
    </EmailLayout>
  );
}
