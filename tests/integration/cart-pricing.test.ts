// priceCart: the cart's rows handed to computeTotals with H4's lookups — the numbers checkout shows
// and charges. Lines in the order added, shipping and tax for a destination, codes re-read each time.
import { beforeEach, describe, expect, it } from "vitest";
import { priceCart } from "~/domains/commerce/pricing.server";
import { prisma } from "~/infra/db.server";
import {
  createCategory,
  createDiscount,
  createGiftCard,
  createProduct,
  createShippingZone,
  createTaxRate,
} from "../factories/commerce";
import { resetDatabase } from "../setup/reset";

beforeEach(resetDatabase);

async function cartOf(
  items: Array<{ variantId: string; quantity: number }>,
  extra: { discountCode?: string; giftCardCodes?: string[] } = {},
) {
  const cart = await prisma.cart.create({
    data: { giftCardCodes: extra.giftCardCodes ?? [], discountCode: extra.discountCode ?? null },
  });
  for (const item of items) await prisma.cartItem.create({ data: { cartId: cart.id, ...item } });
  return cart.id;
}

describe("priceCart", () => {
  it("prices lines with shipping, region tax, a discount and a gift card for the destination", async () => {
    const shirt = await createProduct({ title: "Shirt", variants: [{ price: 3000, stock: 5, title: "L", sku: "SH-L" }] });
    const ebook = await createProduct({
      title: "E-book",
      kind: "digital",
      taxable: false,
      variants: [{ price: 1000, trackInventory: false }],
    });
    const zone = await createShippingZone({ countries: ["US"], methods: [{ name: "Standard", rate: 700, freeAbove: null }] });
    await createShippingZone({ name: "World", countries: ["*"], methods: [{ name: "Air", rate: 2500 }] });
    await createTaxRate({ country: "US", region: "", rateBasisPoints: 500 });
    await createTaxRate({ country: "US", region: "CA", rateBasisPoints: 800, shippingTaxable: true });
    await createDiscount({ code: "TEN", kind: "percentage", value: 1000 });
    await createGiftCard({ code: "GIFTGIFTGIFTGIFT", balance: 2000 });
    const cartId = await cartOf(
      [
        { variantId: shirt.variants[0].id, quantity: 2 },
        { variantId: ebook.variants[0].id, quantity: 1 },
      ],
      { discountCode: "TEN", giftCardCodes: ["GIFTGIFTGIFTGIFT"] },
    );
    const methodId = zone.methods[0].id;
    const priced = await priceCart({ cartId, destination: { country: "us", region: "ca" }, shippingMethodId: methodId });

    expect(priced.currency).toBe("USD");
    expect(priced.lines.map((l) => [l.title, l.variantTitle, l.sku, l.quantity, l.sellable, l.kind, l.available])).toEqual([
      ["Shirt", "L", "SH-L", 2, 5, "physical", true],
      ["E-book", "", ebook.variants[0].sku, 1, null, "digital", true],
    ]);
    expect(priced.shippingMethods.map((m) => m.name)).toEqual(["Standard"]);
    const t = priced.totals;
    expect(t.merchandiseSubtotal).toBe(7000);
    expect(t.discountTotal).toBe(700); // 10 % of 7000, spread 600 / 100
    expect(t.lines.map((l) => l.discountAllocated)).toEqual([600, 100]);
    expect(t.shippingTotal).toBe(700);
    // Shirt: (6000 − 600) × 8 % = 432; the e-book is not taxable; shipping 700 × 8 % = 56.
    expect(t.taxTotal).toBe(432 + 56);
    expect(t.grandTotal).toBe(7000 - 700 + 700 + 488);
    expect(t.giftCardTotal).toBe(2000);
    expect(t.amountDue).toBe(t.grandTotal - 2000);
    expect(t.refusals).toEqual([]);
  });

  it("has no shipping or tax without a destination, and ignores a method of another zone", async () => {
    const product = await createProduct({ variants: [{ price: 2000, stock: 3 }] });
    const world = await createShippingZone({ name: "World", countries: ["*"], methods: [{ name: "Air", rate: 2500 }] });
    await createShippingZone({ countries: ["US"], methods: [{ name: "Ground", rate: 500 }] });
    await createTaxRate({ country: "US", rateBasisPoints: 1000 });
    const cartId = await cartOf([{ variantId: product.variants[0].id, quantity: 1 }]);
    const bare = await priceCart({ cartId });
    expect([bare.totals.shippingTotal, bare.totals.taxTotal, bare.totals.grandTotal, bare.shippingMethods]).toEqual([
      0,
      0,
      2000,
      [],
    ]);
    const wrongZone = await priceCart({ cartId, destination: { country: "US" }, shippingMethodId: world.methods[0].id });
    expect(wrongZone.totals.shipping).toBeNull();
    expect(wrongZone.totals.taxTotal).toBe(200);
  });

  it("refuses (never drops) a code switched off or a card deactivated after they were applied", async () => {
    const product = await createProduct({ variants: [{ price: 2000, stock: 3 }] });
    await createDiscount({ code: "GONE", isActive: false });
    await createGiftCard({ code: "DEADDEADDEADDEAD", isActive: false });
    const cartId = await cartOf([{ variantId: product.variants[0].id, quantity: 1 }], {
      discountCode: "GONE",
      giftCardCodes: ["DEADDEADDEADDEAD"],
    });
    const priced = await priceCart({ cartId });
    expect(priced.totals.refusals).toEqual([
      { source: "discount", code: "GONE", reason: "expired" },
      { source: "gift_card", code: "DEADDEADDEADDEAD", reason: "no_remaining_balance" },
    ]);
    expect(priced.totals.amountDue).toBe(2000);
  });

  it("counts per-customer uses with the customer key and restricts a code to its category", async () => {
    const category = await createCategory({ name: "Sale" });
    const onSale = await createProduct({ variants: [{ price: 1000, stock: 5 }], categoryIds: [category.id] });
    const full = await createProduct({ variants: [{ price: 3000, stock: 5 }] });
    const discount = await createDiscount({
      code: "SALE",
      kind: "percentage",
      value: 5000,
      categoryIds: [category.id],
      perCustomerLimit: 1,
    });
    const cartId = await cartOf(
      [
        { variantId: onSale.variants[0].id, quantity: 1 },
        { variantId: full.variants[0].id, quantity: 1 },
      ],
      { discountCode: "SALE" },
    );
    expect((await priceCart({ cartId, customerKey: "ada@example.com" })).totals.discountTotal).toBe(500);
    const order = await prisma.order.create({
      data: {
        number: "VS-TEST-0002",
        email: "ada@example.com",
        paymentMethod: "offline",
        currency: "USD",
        merchandiseSubtotal: 1,
        grandTotal: 1,
        amountDue: 1,
      },
    });
    await prisma.discountRedemption.create({
      data: { discountId: discount.id, orderId: order.id, customerKey: "ada@example.com" },
    });
    const again = await priceCart({ cartId, customerKey: "ada@example.com" });
    expect(again.totals.discountTotal).toBe(0);
    expect(again.totals.refusals.map((r) => r.reason)).toEqual(["customer_limit_reached"]);
    expect((await priceCart({ cartId, customerKey: "bob@example.com" })).totals.discountTotal).toBe(500);
  });

  it("gives the same numbers inside a transaction (as placing the order does)", async () => {
    const product = await createProduct({ variants: [{ price: 1999, stock: 3 }] });
    const cartId = await cartOf([{ variantId: product.variants[0].id, quantity: 3 }]);
    const outside = await priceCart({ cartId, now: new Date("2026-01-01T00:00:00Z") });
    const inside = await prisma.$transaction((tx) => priceCart({ cartId, now: new Date("2026-01-01T00:00:00Z") }, tx));
    expect(inside).toEqual(outside);
    expect(inside.totals.grandTotal).toBe(5997);
  });
});
