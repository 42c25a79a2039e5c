import { describe, expect, it } from "vitest";
import { etagOf, ifMatchHolds, noneMatchHits, parseEtagList } from "./etag";

describe("entity tags", () => {
  it("is a quoted, stable hash that changes with a single byte", () => {
    const tag = etagOf('{"id":"a"}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf('{"id":"a"}')).toBe(tag);
    expect(etagOf('{"id":"b"}')).not.toBe(tag);
  });

  it("parses lists of strong and weak tags and refuses malformed headers", () => {
    expect(parseEtagList('"a", W/"b" ,"c"')).toEqual([
      { weak: false, tag: '"a"' },
      { weak: true, tag: '"b"' },
      { weak: false, tag: '"c"' },
    ]);
    expect(parseEtagList(" * ")).toBe("*");
    for (const bad of ["", "a", '"a', '"a" "b"', "W/a", '"a",,']) expect(parseEtagList(bad)).toBeNull();
  });

  it("compares weakly for If-None-Match and strongly for If-Match", () => {
    const tag = etagOf("body");
    expect(noneMatchHits(null, tag)).toBe(false);
    expect(noneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(noneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(noneMatchHits("*", tag)).toBe(true);
    expect(noneMatchHits('"other"', tag)).toBe(false);
    expect(noneMatchHits("garbage", tag)).toBe(false);
    expect(ifMatchHolds(tag, tag)).toBe(true);
    expect(ifMatchHolds("*", tag)).toBe(true);
    expect(ifMatchHolds(`W/${tag}`, tag)).toBe(false);
    expect(ifMatchHolds('"other"', tag)).toBe(false);
  });
});
