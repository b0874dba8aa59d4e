import { describe, expect, it } from "vitest";
import { linkify } from "@/lib/text/linkify";

const links = (body: string) => linkify(body).filter((segment) => segment.kind === "link");

describe("linkify", () => {
  it("makes http and https URLs links and keeps the text around them", () => {
    expect(linkify("Sheet music: https://example.com/bach.pdf, see you Thursday")).toEqual([
      { kind: "text", text: "Sheet music: " },
      { kind: "link", text: "https://example.com/bach.pdf", href: "https://example.com/bach.pdf" },
      { kind: "text", text: ", see you Thursday" },
    ]);
    expect(links("HTTP://EXAMPLE.COM and http://a.example/x?y=1#z")).toEqual([
      { kind: "link", text: "HTTP://EXAMPLE.COM", href: "http://example.com/" },
      { kind: "link", text: "http://a.example/x?y=1#z", href: "http://a.example/x?y=1#z" },
    ]);
  });

  it.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "ftp://example.com", "mailto:a@b.c"])(
    "leaves %j as text",
    (body) => {
      expect(linkify(body)).toEqual([{ kind: "text", text: body }]);
    },
  );

  it("does not let markup or a javascript: URL ride inside a link", () => {
    expect(links('https://x.example/"><img src=x onerror=alert(1)>')).toEqual([
      { kind: "link", text: "https://x.example/", href: "https://x.example/" },
    ]);
    expect(links("[click](javascript:alert(1)) https://ok.example")).toEqual([
      { kind: "link", text: "https://ok.example", href: "https://ok.example/" },
    ]);
  });

  it("drops sentence punctuation but keeps balanced brackets", () => {
    expect(links("Read https://en.wikipedia.org/wiki/Fugue_(music). Then play.")[0]?.text).toBe(
      "https://en.wikipedia.org/wiki/Fugue_(music)",
    );
    expect(links("(https://example.com/a)")[0]?.text).toBe("https://example.com/a");
    expect(links("Is it https://example.com?")[0]?.text).toBe("https://example.com");
  });

  it("keeps text without URLs whole, and an empty body empty", () => {
    expect(linkify("line one\nline two")).toEqual([{ kind: "text", text: "line one\nline two" }]);
    expect(linkify("")).toEqual([]);
    expect(linkify("https://")).toEqual([{ kind: "text", text: "https://" }]);
  });
});
