import { Button, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

/** An invitation from a teacher. The teacher's name and message are children, so they are escaped. */
export function ConnectionInvite({
  teacherName,
  message,
  url,
  hasAccount,
}: {
  teacherName: string;
  message: string | null;
  url: string;
  hasAccount: boolean;
}) {
  return (
    <EmailLayout preview={`${teacherName} invited you to MusBook`}>
      <Text style={emailText}>Hi,</Text>
      <Text style={emailText}>
        {teacherName} would like to teach you through MusBook: lesson times, requests and changes in one place, in your own timezone.
      </Text>
      {message ? (
        <Text style={{ ...emailText, borderLeft: "3px solid #c7d2fe", paddingLeft: "12px", whiteSpace: "pre-line" }}>{message}</Text>
      ) : null}
      <Button href={url} style={emailButton}>
        {hasAccount ? "See the invitation" : "Create your account"}
      </Button>
      <Text style={{ ...emailText, marginTop: "16px", fontSize: "13px", color: "#6b6b80" }}>
        The invitation is valid for 30 days.{" "}
        {hasAccount ? "Sign in with this email address to accept or decline it." : "Sign up with this email address to accept it."} If the
        button doesn&rsquo;t work, paste this into your browser: {url}
      </Text>
    </EmailLayout>
  );
}
