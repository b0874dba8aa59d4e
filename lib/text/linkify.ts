export type TextSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// Only http(s) URLs become links; `javascript:`, `data:` and everything else stay text because they never match.
const URL_CANDIDATE = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"”’)\]}>]+$/;

/** Sentence punctuation after a URL is not part of it, but a closing bracket that balances one inside it is (Wikipedia links). */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const trailing = TRAILING_PUNCTUATION.exec(url);
    if (!trailing) return url;
    const last = url.at(-1)!;
    const opener = last === ")" ? "(" : last === "]" ? "[" : last === "}" ? "{" : null;
    if (opener && url.split(opener).length - 1 >= url.split(last).length - 1) return url;
    url = url.slice(0, -1);
  }
}

function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function linkify(body: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let textStart = 0;
  for (const match of body.matchAll(URL_CANDIDATE)) {
    const text = trimUrl(match[0]);
    const href = safeHref(text);
    if (!href) continue;
    if (match.index > textStart) segments.push({ kind: "text", text: body.slice(textStart, match.index) });
    segments.push({ kind: "link", text, href });
    textStart = match.index + text.length;
  }
  if (textStart < body.length) segments.push({ kind: "text", text: body.slice(textStart) });
  return segments;
}
