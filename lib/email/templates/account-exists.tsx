import { Button, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

/** Sent instead of a sign-up confirmation when the address already has an account (no enumeration on the form). */
export function AccountExists({ name, signInUrl, resetUrl }: { name: string; signInUrl: string; resetUrl: string }) {
  return (
    <EmailLayout preview="You already have a MusBook account">
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>
        Someone — hopefully you — tried to create a MusBook account with this email address. You already have one, so nothing has changed.
      </Text>
      <Button href={signInUrl} style={emailButton}>
        Sign in to MusBook
      </Button>
      <Text style={{ ...emailText, marginTop: "16px" }}>Forgotten your password? You can choose a new one here: {resetUrl}</Text>
    </EmailLayout>
  );
}
