import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { expect } from "vitest";

/** Stored XSS corpus: each must come out as inert text wherever user text is rendered. */
export const markupPayloads = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "<svg onload=alert(1)>",
  '"><iframe src=javascript:alert(1)>',
  "[click](javascript:alert(1))",
  "javascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "&lt;b&gt;entity&lt;/b&gt;",
];

const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-z][a-z0-9-]*)/gi)].map((match) => match[1]!.toLowerCase());
const attributesOf = (html: string) => [...html.matchAll(/<[a-z][^>]*?\s([a-z-]+)=/gi)].map((match) => match[1]!.toLowerCase());

/** The payload adds no element and no attribute compared with plain text in the same place, and no script link. */
export function expectInert(render: (text: string) => ReactElement, payload: string) {
  const plain = renderToString(render("plain"));
  const attacked = renderToString(render(payload));
  expect(tagsOf(attacked)).toEqual(tagsOf(plain));
  expect(attributesOf(attacked)).toEqual(attributesOf(plain));
  expect(attacked).not.toMatch(/href="(javascript|data):/i);
}
