import { linkify } from "@/lib/text/linkify";

/** Text a person wrote (a message, instructions) with its http(s) URLs as links; React escapes the rest, and no HTML is ever injected. */
export function LinkedText({ text, linkClassName }: { text: string; linkClassName?: string }) {
  return (
    <>
      {linkify(text).map((segment, index) =>
        segment.kind === "link" ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer" className={linkClassName}>
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
