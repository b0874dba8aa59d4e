import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const styles = {
  body: {
    backgroundColor: "#f5f5fa",
    fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    margin: 0,
    padding: "32px 0",
  },
  container: { backgroundColor: "#ffffff", borderRadius: "12px", border: "1px solid #e4e4ee", maxWidth: "520px", padding: "32px" },
  brand: { color: "#4338ca", fontSize: "18px", fontWeight: 700, margin: "0 0 24px" },
  footer: { color: "#6b6b80", fontSize: "12px", lineHeight: "18px", margin: 0 },
} as const;

export const emailText = { color: "#1e1b2e", fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" } as const;
export const emailButton = {
  backgroundColor: "#4f46e5",
  borderRadius: "8px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "15px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
} as const;

/** The frame every MusBook email shares. All user text is passed as React children, so it is escaped. */
export function EmailLayout({ preview, footer, children }: { preview: string; footer?: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>♪ MusBook</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e4e4ee", margin: "24px 0" }} />
          <Text style={styles.footer}>
            {footer ?? "You are receiving this because of your MusBook account. If this wasn\u2019t you, you can ignore this email."}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
