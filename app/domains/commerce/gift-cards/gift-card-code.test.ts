import { describe, expect, it } from "vitest";
import {
  CROCKFORD_ALPHABET,
  formatGiftCardCode,
  generateGiftCardCode,
  maskGiftCardCode,
  normaliseGiftCardCode,
} from "./gift-card-code";

describe("gift card codes", () => {
  it("are 16 Crockford characters, different every time", () => {
    const codes = Array.from({ length: 200 }, generateGiftCardCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${CROCKFORD_ALPHABET}]{16}$`));
    expect(new Set(codes).size).toBe(200);
    expect(codes.join("")).not.toMatch(/[ILOU]/);
  });

  it("are shown in groups of four and read back from any spelling", () => {
    expect(formatGiftCardCode("ABCDEFGH23456789")).toBe("ABCD-EFGH-2345-6789");
    expect(normaliseGiftCardCode(" abcd-efgh 2345 - 6789 ")).toBe("ABCDEFGH23456789");
    expect(maskGiftCardCode("ABCDEFGH23456789")).toBe("…6789");
  });
});
