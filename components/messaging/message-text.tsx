import { linkify } from "./linkify";

/** A message body as text with its http(s) URLs as links; React escapes the rest, and no HTML is ever injected. */
export function MessageText({ body, linkClassName }: { body: string; linkClassName?: string }) {
  return (
    <>
      {linkify(body).map((segment, index) =>
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
