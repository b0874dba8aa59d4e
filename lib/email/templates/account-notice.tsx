import { Button, Text } from "@react-email/components";
import { EmailLayout, emailButton, emailText } from "./layout";

/**
 * A short security notice about the reader's own account (password changed, email change requested,
 * account deleted). Every paragraph is rendered as text.
 */
export function AccountNotice({
  name,
  preview,
  paragraphs,
  action,
  footer,
}: {
  name: string;
  preview: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}) {
  return (
    <EmailLayout preview={preview} footer={footer}>
      <Text style={emailText}>Hi {name},</Text>
      {paragraphs.map((paragraph) => (
        <Text key={paragraph} style={emailText}>
          {paragraph}
        </Text>
      ))}
      {action ? (
        <Button href={action.url} style={emailButton}>
          {action.label}
        </Button>
      ) : null}
    </EmailLayout>
  );
}
