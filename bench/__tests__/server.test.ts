import { describe, expect, it } from "vitest";
import { pageWeight } from "@/bench/server";

describe("pageWeight", () => {
  it("counts the markup without any script, and React's inline payload on its own", () => {
    const payload = 'self.__next_f.push([1,"0:[\\"$\\",\\"p\\",null,{}]\\n"])';
    const html = `<html><body><p>é</p><script src="/a.js"></script><script nonce="n">${payload}</script><script>other()</script></body></html>`;
    expect(pageWeight(html)).toEqual({
      markupBytes: Buffer.byteLength("<html><body><p>é</p></body></html>"),
      payloadBytes: payload.length,
    });
  });

  it("weighs a page without scripts as markup only", () => {
    expect(pageWeight("<main>plain</main>")).toEqual({ markupBytes: 18, payloadBytes: 0 });
  });
});
