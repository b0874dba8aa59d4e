import { z } from "zod";
import { characterCount } from "./count";

export { characterCount };

/** Length counts NFC code points, as Postgres' char_length does, so a field's limit equals its column check (browsers' maxLength never counts more). Controls, bidi overrides and lone surrogates are refused; zero-width space, word joiner and BOM are removed; ZWJ/ZWNJ stay. */

const INVISIBLE = /[\u200b\u2060\ufeff]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_AND_LINE_SEPARATORS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS_BUT_LINE_BREAKS_AND_TABS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /\p{Surrogate}/u;
const VISIBLE = /[^\s\u200c\u200d]/;

function normalise(text: string, multiLine: boolean): string {
  // Browsers submit a textarea's line breaks as CRLF; counting them as two would break the form's maxLength.
  const lines = multiLine ? text.replace(/\r\n?|[\u2028\u2029]/g, "\n") : text;
  return lines.replace(INVISIBLE, "").normalize("NFC").trim();
}

function textField(label: string, max: number, multiLine: boolean) {
  const controls = multiLine ? CONTROLS_BUT_LINE_BREAKS_AND_TABS : CONTROLS_AND_LINE_SEPARATORS;
  return z
    .string({ error: `${label} must be text.` })
    .transform((text) => normalise(text, multiLine))
    .refine(
      (text) => !controls.test(text),
      multiLine ? `${label} contains control characters we can't store.` : `${label} must be a single line of text.`,
    )
    .refine((text) => !BIDI_CONTROLS.test(text), `${label} contains direction-override characters. Remove them and try again.`)
    .refine((text) => !LONE_SURROGATE.test(text), `${label} contains broken characters we can't store.`)
    .refine((text) => characterCount(text) <= max, `${label} can be at most ${max.toLocaleString("en-GB")} characters.`)
    .transform((text) => (VISIBLE.test(text) ? text : ""));
}

export const singleLineText = (label: string, max: number) => textField(label, max, false);

export const multiLineText = (label: string, max: number) => textField(label, max, true);

type TextSchema = ReturnType<typeof textField>;

export const requiredText = (field: TextSchema, emptyMessage: string) => field.refine((text) => text !== "", emptyMessage);

export const optionalText = (field: TextSchema) => field.optional().transform((text) => (text ? text : undefined));

export const nullableText = (field: TextSchema) => field.optional().transform((text) => (text ? text : null));

/** Never splits a surrogate pair, nor (where graphemes can be segmented) a letter from its marks or an emoji from its joiners. */
export function shortenText(text: string, max: number): string {
  if (characterCount(text) <= max) return text;
  const kept: string[] = [];
  let length = 0;
  for (const { segment } of graphemes(text)) {
    const size = characterCount(segment);
    if (length + size > max - 1) break;
    kept.push(segment);
    length += size;
  }
  return `${kept.join("").trimEnd()}…`;
}

const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("en", { granularity: "grapheme" }) : null;

function graphemes(text: string): Iterable<{ segment: string }> {
  return segmenter ? segmenter.segment(text) : Array.from(text, (segment) => ({ segment }));
}

/** An ILIKE pattern matching `query` anywhere: `%` and `_` typed into a search box are matched literally. */
export const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
