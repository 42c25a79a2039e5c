import { describe, expect, it } from "vitest";
import { formatRating } from "./stars";

describe("formatRating", () => {
  it("writes the average with one decimal in the reader's notation", () => {
    expect(formatRating(4, "en")).toBe("4.0");
    expect(formatRating(4.25, "en")).toBe("4.3");
    expect(formatRating(4.5, "es")).toBe("4,5");
    expect(formatRating(4, "es", 0)).toBe("4");
    expect(formatRating(3.5, "es", 0)).toBe("3,5");
  });
});
