import { z } from "zod";

/**
 * The one policy for text people type (names, titles, locations, notes, reasons, messages).
 *
 * Length is counted in Unicode code points after NFC normalisation: that is what Postgres'
 * `char_length` counts, so a field's limit is exactly its column's check. An emoji is one character,
 * "é" is one (NFC composes it), a letter with a combining mark that has no composed form is two, and
 * a family emoji joined by zero-width joiners is several. Browsers' `maxLength` counts UTF-16 units,
 * which is never more than code points, so a form with the same `maxLength` can never send too much.
 *
 * Refused with a message, never silently changed: control characters (C0, DEL, C1; multi-line text
 * keeps line breaks and tabs), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which can make text read differently from what it is, and lone surrogates, which Postgres cannot store.
 * Removed: the invisible zero-width space, word joiner and byte-order mark, which only hide
 * differences. Zero-width (non-)joiners stay: emoji sequences and several scripts need them.
 */

/** The number of characters as this policy counts them. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const INVISIBLE = /[\u200b\u2060\ufeff]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_AND_LINE_SEPARATORS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS_BUT_LINE_BREAKS_AND_TABS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /\p{Surrogate}/u;
/** A character someone can see: not white space and not a zero-width (non-)joiner. */
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

/** A name, title or location: one line, trimmed; "" when nothing visible is left. */
export const singleLineText = (label: string, max: number) => textField(label, max, false);

/** Notes, reasons, bios, messages: line breaks and tabs kept, trimmed; "" when nothing visible is left. */
export const multiLineText = (label: string, max: number) => textField(label, max, true);

type TextSchema = ReturnType<typeof textField>;

/** The field must say something. */
export const requiredText = (field: TextSchema, emptyMessage: string) => field.refine((text) => text !== "", emptyMessage);

/** An optional field: absent or blank is `undefined`. */
export const optionalText = (field: TextSchema) => field.optional().transform((text) => (text ? text : undefined));

/** An optional field stored as a nullable column: absent or blank is `null`. */
export const nullableText = (field: TextSchema) => field.optional().transform((text) => (text ? text : null));

/**
 * Shortens text to at most `max` characters (code points, as above), ending with "…" when cut.
 * Never splits a surrogate pair, nor a letter from its combining marks or an emoji from its joiners
 * where the runtime can segment graphemes.
 */
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
