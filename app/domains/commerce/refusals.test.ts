import { describe, expect, it } from "vitest";
import { REFUSAL_REASONS, refusalKey, refusalMessage } from "./refusals";

describe("refusal messages", () => {
  it("has an i18n key and an English sentence for every reason", () => {
    for (const reason of REFUSAL_REASONS) {
      expect(refusalKey(reason)).toBe(`commerce:refusals.${reason}`);
      const message = refusalMessage({ reason, minimum: 5000 }, { currency: "USD", locale: "en-US" });
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).not.toContain("{{");
    }
  });

  it("formats the minimum in the order's currency and locale", () => {
    expect(refusalMessage({ reason: "minimum_not_met", minimum: 5000 }, { currency: "USD", locale: "en-US" })).toBe(
      "A minimum order of $50.00 is required for this code.",
    );
    expect(refusalMessage({ reason: "minimum_not_met", minimum: 5000 }, { currency: "JPY", locale: "en-US" })).toBe(
      "A minimum order of ¥5,000 is required for this code.",
    );
    expect(refusalMessage({ reason: "expired" }, { currency: "USD", locale: "en-US" })).toBe("This code has expired.");
  });
});
