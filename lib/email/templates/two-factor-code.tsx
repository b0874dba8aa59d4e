import { Text } from "@react-email/components";
import { EmailLayout, emailText } from "./layout";

const purposes = {
  sign_in: { preview: "Your MusBook sign-in code", lead: "Use this code to finish signing in to MusBook:" },
  enable: { preview: "Your code to turn on two-step sign-in", lead: "Use this code to turn on two-step sign-in for your MusBook account:" },
} as const;

export function TwoFactorCode({ name, code, purpose }: { name: string; code: string; purpose: keyof typeof purposes }) {
  return (
    <EmailLayout preview={purposes[purpose].preview}>
      <Text style={emailText}>Hi {name},</Text>
      <Text style={emailText}>{purposes[purpose].lead}</Text>
      <Text style={{ ...emailText, fontSize: "32px", fontWeight: 700, letterSpacing: "8px", fontFamily: "ui-monospace, Menlo, monospace" }}>
        {code}
      </Text>
      <Text style={{ ...emailText, fontSize: "13px", color: "#6b6b80" }}>
        The code expires in 10 minutes and works once. If you didn&rsquo;t try to sign in, someone may know your password: change it in
        Settings.
      </Text>
    </EmailLayout>
  );
}
