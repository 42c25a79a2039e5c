// Every message key the commerce modules hand to t() exists in English and Spanish, and the English
// file says what the modules' own English sentences say (one wording, not two).
import { describe, expect, it } from "vitest";
import { createInstance } from "i18next";
import { resources } from "~/infra/i18n";
import { quantityMessage, quantityMessageKey, type QuantityReason } from "./cart-quantity";
import { validateFulfilment } from "./order-status";
import { REFUSAL_REASONS, refusalKey, refusalMessage } from "./refusals";

async function translator(lng: "en" | "es") {
  const i18n = createInstance();
  await i18n.init({ lng, resources, ns: ["commerce"], defaultNS: "commerce", interpolation: { escapeValue: false } });
  return i18n;
}

const QUANTITY_CASES: Array<{ reason: QuantityReason; limit?: number }> = [
  { reason: "not_a_number" },
  { reason: "not_whole" },
  { reason: "too_small", limit: 0 },
  { reason: "too_small", limit: 1 },
  { reason: "too_large", limit: 99 },
  { reason: "exceeds_stock", limit: 0 },
  { reason: "exceeds_stock", limit: 1 },
  { reason: "exceeds_stock", limit: 3 },
];

describe("commerce messages", () => {
  it("translates every refusal, quantity and fulfilment key in both languages", async () => {
    for (const lng of ["en", "es"] as const) {
      const i18n = await translator(lng);
      for (const reason of REFUSAL_REASONS) expect(i18n.exists(refusalKey(reason)), `${lng} ${reason}`).toBe(true);
      for (const failure of QUANTITY_CASES) {
        const { key, values } = quantityMessageKey(failure);
        const text = i18n.t(key, values);
        expect(text, `${lng} ${key} ${JSON.stringify(values)}`).not.toContain("quantity.");
      }
      const issues = validateFulfilment({ carrier: "", trackingNumber: "!!" });
      expect(issues.ok).toBe(false);
      if (!issues.ok) {
        for (const issue of Object.values(issues.issues)) expect(i18n.exists(issue!.key), `${lng} ${issue!.key}`).toBe(true);
      }
    }
  });

  it("says in English exactly what the modules' own sentences say", async () => {
    const en = await translator("en");
    for (const failure of QUANTITY_CASES) {
      const { key, values } = quantityMessageKey(failure);
      expect(en.t(key, values)).toBe(quantityMessage(failure));
    }
    expect(en.t(refusalKey("minimum_not_met"), { minimum: "$50.00" })).toBe(
      refusalMessage({ reason: "minimum_not_met", minimum: 5000 }, { currency: "USD", locale: "en" }),
    );
  });
});
