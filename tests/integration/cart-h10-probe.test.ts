import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import { createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";
import { Shopper } from "./cart-helpers";

beforeEach(resetDatabase);

describe("probe", () => {
  it("odd values", async () => {
    const product = await createProduct({ variants: [{ price: 100, stock: 5 }] });
    const s = new Shopper();
    const bad = await s.post({ intent: "add", variantId: product.variants[0].id, quantity: "-1" });
    console.log("bad qty", bad.status, bad.data, bad.setCookies, await prisma.cart.count());
    for (const [k, f] of [
      ["add nul", { intent: "add", variantId: "a\u0000b", quantity: "1" }],
      ["add nul qty", { intent: "add", variantId: product.variants[0].id, quantity: "1\u0000" }],
    ] as const) {
      try { const a = await s.post(f as Record<string,string>); console.log(k, a.status, JSON.stringify(a.data)); } catch (e) { console.log(k, "THROW", String(e).slice(0, 200)); }
    }
    await s.post({ intent: "add", variantId: product.variants[0].id, quantity: "1" });
    for (const [k, f] of [
      ["update nul", { intent: "update", itemId: "a\u0000b", quantity: "1" }],
      ["remove nul", { intent: "remove", itemId: "a\u0000b" }],
      ["disc nul", { intent: "apply-discount", code: "AB\u0000C" }],
      ["gc nul", { intent: "apply-gift-card", code: "AB\u0000C" }],
      ["gc remove nul", { intent: "remove-gift-card", code: "AB\u0000C" }],
    ] as const) {
      try { const a = await s.post(f as Record<string,string>); console.log(k, a.status, JSON.stringify(a.data).slice(0,200)); } catch (e) { console.log(k, "THROW", String(e).slice(0, 200)); }
    }
  });
});
