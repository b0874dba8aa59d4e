import { describe, expect, it } from "vitest";
import { characterCount, multiLineText, requiredText, shortenText, singleLineText } from "@/lib/text";

const name = requiredText(singleLineText("Your name", 10), "Enter your name.");
const note = multiLineText("The note", 10);
const problem = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("the free-text policy", () => {
  it("counts characters as code points: an emoji is one, a combining mark is its own", () => {
    expect(characterCount("🎻🎹")).toBe(2);
    expect(characterCount("e\u0301")).toBe(2);
    expect(characterCount("👩‍👩‍👧")).toBe(5);
  });

  it("trims, composes to NFC and counts after both", () => {
    expect(name.parse("  Zoë  ")).toBe("Zoë");
    expect(name.parse("Zoe\u0308")).toBe("Zoë");
    expect(name.parse("🎻 🎻 🎻 🎻 🎻   ")).toBe("🎻 🎻 🎻 🎻 🎻");
    expect(name.parse("ñ".normalize("NFD").repeat(10))).toHaveLength(10);
    expect(problem(name.safeParse("x".repeat(11)))).toBe("Your name can be at most 10 characters.");
  });

  it("refuses control characters with a message; multi-line text keeps line breaks and tabs", () => {
    for (const text of ["a\u0000b", "a\u0007b", "a\nb", "a\tb", "a\u0085b", "a\u009bb", "a\u2028b"]) {
      expect(problem(name.safeParse(text)), JSON.stringify(text)).toBe("Your name must be a single line of text.");
    }
    expect(note.parse("one\n\ttwo")).toBe("one\n\ttwo");
    for (const text of ["a\u0000b", "a\u001bb", "a\u007fb", "a\u0090b"]) {
      expect(problem(note.safeParse(text)), JSON.stringify(text)).toBe("The note contains control characters we can't store.");
    }
  });

  it("reads a textarea's CRLF line breaks as one character each, as the form's maxLength did", () => {
    expect(note.parse("a\r\nb\r\nc\rd")).toBe("a\nb\nc\nd");
    expect(note.safeParse("12345\r\n789").success).toBe(true);
  });

  it("refuses bidirectional overrides and isolates, and lone surrogates", () => {
    for (const mark of ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(problem(name.safeParse(`ab${mark}cd`))).toBe("Your name contains direction-override characters. Remove them and try again.");
      expect(note.safeParse(`ab${mark}cd`).success).toBe(false);
    }
    expect(problem(note.safeParse("a\ud800b"))).toBe("The note contains broken characters we can't store.");
  });

  it("drops invisible zero-width characters, keeps joiners, and treats nothing visible as empty", () => {
    expect(name.parse("Ma\u200bya\ufeff")).toBe("Maya");
    expect(name.parse("👩‍👩‍👧 Kim")).toBe("👩‍👩‍👧 Kim");
    for (const blank of ["", "   ", "\u200b\u200b", "\u200d", " \u200c "])
      expect(problem(name.safeParse(blank)), JSON.stringify(blank)).toBe("Enter your name.");
    expect(note.parse(" \u200d ")).toBe("");
  });
});

describe("shortenText", () => {
  it("leaves text within the limit alone", () => {
    expect(shortenText("a".repeat(10), 10)).toBe("a".repeat(10));
  });

  it("cuts to the limit with an ellipsis, counting code points", () => {
    const shortened = shortenText("a".repeat(20), 10);
    expect(shortened).toBe(`${"a".repeat(9)}…`);
    expect(characterCount(shortenText("🎻".repeat(20), 10))).toBe(10);
  });

  it("never splits a surrogate pair, a combining sequence or a joined emoji", () => {
    const emoji = shortenText(`abcdefgh${"🎻".repeat(5)}`, 10);
    expect(emoji).toBe("abcdefgh🎻…");
    expect(emoji).not.toMatch(/\p{Surrogate}/u);
    expect(shortenText("abcdefghe\u0301xyz", 10)).toBe("abcdefgh…");
    expect(shortenText("abcdef👩‍👩‍👧xyz", 10)).toBe("abcdef…");
  });

  it("does not leave a space before the ellipsis", () => {
    expect(shortenText("one two three four", 9)).toBe("one two…");
  });
});
