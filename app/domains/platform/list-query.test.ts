import { describe, expect, it } from "vitest";
import { clampPage, oneOf, parsePage, toSearch } from "./list-query";

describe("list query helpers", () => {
  it("parses page numbers defensively", () => {
    expect(parsePage(null)).toBe(1);
    expect(parsePage("7")).toBe(7);
    expect(parsePage("-1")).toBe(1);
    expect(parsePage("1e3")).toBe(1);
    expect(parsePage("999999999")).toBe(100_000);
  });

  it("clamps a page past the end to the last page", () => {
    expect(clampPage(9, 51, 25)).toBe(3);
    expect(clampPage(2, 0, 25)).toBe(1);
    expect(clampPage(2, 50, 25)).toBe(2);
  });

  it("keeps only allowed values", () => {
    expect(oneOf("b", ["a", "b"] as const, "a")).toBe("b");
    expect(oneOf("c", ["a", "b"] as const, "a")).toBe("a");
  });

  it("builds query strings without empty values or page 1", () => {
    expect(toSearch({ q: "a b", role: "", page: 1 })).toBe("?q=a+b");
    expect(toSearch({ page: 1 })).toBe("");
    expect(toSearch({ page: 2, to: null })).toBe("?page=2");
  });
});
