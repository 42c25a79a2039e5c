import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { CODE_MAX_LENGTH, discountSchema, giftCardSchema, isCartIntent, updateLineSchema } from "./cart-forms";

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("cart forms", () => {
  it("knows the cart's intents and nothing else", () => {
    expect(
      ["add", "update", "remove", "apply-discount", "remove-discount", "apply-gift-card", "remove-gift-card"].every(isCartIntent),
    ).toBe(true);
    expect(isCartIntent("checkout")).toBe(false);
    expect(isCartIntent(null)).toBe(false);
  });

  it("trims a code and refuses an empty or overlong one with its message", () => {
    const ok = parseWithZod(form({ code: "  welcome10 " }), { schema: discountSchema(t) });
    expect(ok.status === "success" && ok.value.code).toBe("welcome10");
    const empty = parseWithZod(form({ code: "   " }), { schema: discountSchema(t) });
    expect(empty.reply().error?.code).toEqual(["discount.required"]);
    const long = parseWithZod(form({ code: "X".repeat(CODE_MAX_LENGTH + 1) }), { schema: giftCardSchema(t) });
    expect(long.reply().error?.code).toEqual([`giftCards.tooLong {"max":${CODE_MAX_LENGTH}}`]);
  });

  it("keeps the quantity as typed text for parseQuantity, and asks for one when missing", () => {
    const typed = parseWithZod(form({ itemId: "i1", quantity: "1.5" }), { schema: updateLineSchema(t) });
    expect(typed.status === "success" && typed.value.quantity).toBe("1.5");
    const missing = parseWithZod(form({ itemId: "i1" }), { schema: updateLineSchema(t) });
    expect(missing.reply().error?.quantity).toEqual(["errors.quantityRequired"]);
  });
});
