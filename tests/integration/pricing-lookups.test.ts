// H4's contract functions read by the cart and checkout: shipping options per country, the tax
// setting per destination, discount codes and gift cards as totals see them, and the ledger moves.
import { beforeEach, describe, expect, it } from "vitest";
import {
  claimDiscount,
  loadDiscount,
  normaliseDiscountCode,
  releaseDiscount,
} from "~/domains/commerce/discounts/redemption.server";
import {
  creditOrderGiftCards,
  loadGiftCards,
  normaliseGiftCardCode,
  redeemGiftCard,
} from "~/domains/commerce/gift-cards/ledger.server";
import { shippingOptionsFor, toShippingMethod } from "~/domains/commerce/shipping/lookup.server";
import { taxSettingFor } from "~/domains/commerce/taxes/lookup.server";
import { isDomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import {
  createDiscount,
  createGiftCard,
  createOrder,
  createProduct,
  createShippingZone,
  createTaxRate,
} from "../factories/commerce";
import { resetDatabase } from "../setup/reset";

beforeEach(resetDatabase);

async function anOrder() {
  const product = await createProduct();
  return createOrder({ status: "pending_payment", items: [{ variantId: product.variants[0].id, quantity: 1 }] });
}

describe("shippingOptionsFor", () => {
  it("lists the active methods of the country's zone in order, else the rest-of-world zone, else none", async () => {
    await createShippingZone({
      name: "Domestic",
      countries: ["US", "CA"],
      methods: [
        { name: "Express", rate: 1500 },
        { name: "Retired", rate: 100, isActive: false },
        { name: "Standard", rate: 500, freeAbove: 5000 },
      ],
    });
    const us = await shippingOptionsFor("us");
    expect(us.map((o) => o.name)).toEqual(["Express", "Standard"]);
    expect(us[1]).toMatchObject({ rate: 500, freeAbove: 5000, zoneName: "Domestic" });
    expect(toShippingMethod(us[1])).toEqual({ methodId: us[1].id, kind: "flat", rate: 500, freeAbove: 5000 });
    expect(toShippingMethod(us[0])).not.toHaveProperty("freeAbove");

    expect(await shippingOptionsFor("FR")).toEqual([]);
    await createShippingZone({ name: "World", countries: ["*"], methods: [{ name: "Airmail", rate: 2500 }] });
    expect((await shippingOptionsFor("FR")).map((o) => [o.name, o.zoneName])).toEqual([["Airmail", "World"]]);
    expect((await shippingOptionsFor("CA")).map((o) => o.zoneName)).toEqual(["Domestic", "Domestic"]);
    expect(await shippingOptionsFor("not a country")).toEqual([]);
  });
});

describe("taxSettingFor", () => {
  it("prefers the region's rate over the country's, and charges none where no rate exists", async () => {
    await createTaxRate({ country: "US", region: "", rateBasisPoints: 500 });
    await createTaxRate({ country: "US", region: "CA", rateBasisPoints: 725, shippingTaxable: true });
    expect(await taxSettingFor("US", "ca")).toEqual({ rateBasisPoints: 725, shippingTaxable: true, pricesIncludeTax: false });
    expect(await taxSettingFor("US", "NY")).toEqual({ rateBasisPoints: 500, shippingTaxable: false, pricesIncludeTax: false });
    expect(await taxSettingFor("us", undefined)).toMatchObject({ rateBasisPoints: 500 });
    expect(await taxSettingFor("DE", "BE")).toBeUndefined();
  });
});

describe("loadDiscount", () => {
  it("finds a code in any case, counts the customer's uses, and calls an inactive or missing code unknown", async () => {
    const order = await anOrder();
    const discount = await createDiscount({ code: "SPRING10", perCustomerLimit: 2, usageLimit: 10, usedCount: 1 });
    await prisma.discountRedemption.create({
      data: { discountId: discount.id, orderId: order.id, customerKey: "ada@example.com" },
    });

    expect(normaliseDiscountCode(" spring 10 ")).toBe("SPRING10");
    expect(await loadDiscount("spring10", "ada@example.com")).toMatchObject({
      code: "SPRING10",
      kind: "percentage",
      value: 1000,
      usageLimit: 10,
      usedCount: 1,
      perCustomerLimit: 2,
      usedByCustomer: 1,
    });
    expect(await loadDiscount("SPRING10", "bob@example.com")).toMatchObject({ usedByCustomer: 0 });
    expect(await loadDiscount("NOPE", null)).toEqual({ unknown: true });
    await createDiscount({ code: "OFF", isActive: false });
    expect(await loadDiscount("off", null)).toEqual({ unknown: true });
  });
});

describe("claimDiscount and releaseDiscount", () => {
  it("counts a use with a redemption row, refuses past the limits with the reason, and gives the use back", async () => {
    const [first, second, third] = [await anOrder(), await anOrder(), await anOrder()];
    const now = new Date();
    await createDiscount({ code: "ONCE", usageLimit: 2, perCustomerLimit: 1 });
    await prisma.$transaction((tx) => claimDiscount(tx, { code: "once", orderId: first.id, customerKey: "ada", now }));
    expect(await prisma.discount.findUnique({ where: { code: "ONCE" } })).toMatchObject({ usedCount: 1 });

    const refusal = await prisma
      .$transaction((tx) => claimDiscount(tx, { code: "ONCE", orderId: second.id, customerKey: "ada", now }))
      .catch((error: unknown) => error);
    expect(isDomainError(refusal, "discount_unavailable") && refusal.details.reason).toBe("customer_limit_reached");

    await prisma.$transaction((tx) => claimDiscount(tx, { code: "ONCE", orderId: second.id, customerKey: "bob", now }));
    const full = await prisma
      .$transaction((tx) => claimDiscount(tx, { code: "ONCE", orderId: third.id, customerKey: "cy", now }))
      .catch((error: unknown) => error);
    expect(isDomainError(full, "discount_unavailable") && full.details.reason).toBe("usage_limit_reached");
    expect(await prisma.discountRedemption.count()).toBe(2);

    await prisma.$transaction((tx) => releaseDiscount(tx, first.id));
    await prisma.$transaction((tx) => releaseDiscount(tx, first.id));
    expect(await prisma.discount.findUnique({ where: { code: "ONCE" } })).toMatchObject({ usedCount: 1 });
    await prisma.$transaction((tx) => claimDiscount(tx, { code: "ONCE", orderId: third.id, customerKey: "ada", now }));
  });

  it("refuses a code outside its dates", async () => {
    const order = await anOrder();
    const now = new Date("2026-06-01T12:00:00Z");
    await createDiscount({ code: "LATER", startsAt: new Date("2026-07-01T00:00:00Z") });
    await createDiscount({ code: "OVER", endsAt: now });
    for (const [code, reason] of [
      ["LATER", "not_started"],
      ["OVER", "expired"],
    ] as const) {
      const error = await prisma
        .$transaction((tx) => claimDiscount(tx, { code, orderId: order.id, customerKey: "ada", now }))
        .catch((e: unknown) => e);
      expect(isDomainError(error, "discount_unavailable") && error.details.reason).toBe(reason);
    }
    expect(await prisma.discountRedemption.count()).toBe(0);
  });
});

describe("gift card ledger", () => {
  it("credits the card spent last first even when both were spent in the same millisecond", async () => {
    const order = await anOrder();
    const first = await createGiftCard({ code: "FIRSTCARD", balance: 0 });
    const last = await createGiftCard({ code: "LASTCARD", balance: 0 });
    const at = new Date("2026-11-20T10:00:00.000Z");
    // The ledger as one checkout spending two cards leaves it: same timestamp, ids in creation order.
    await prisma.giftCardEntry.create({
      data: {
        id: "entry-a",
        giftCardId: first.id,
        kind: "redeem",
        amount: -1000,
        balanceAfter: 0,
        orderId: order.id,
        createdAt: at,
      },
    });
    await prisma.giftCardEntry.create({
      data: {
        id: "entry-b",
        giftCardId: last.id,
        kind: "redeem",
        amount: -1000,
        balanceAfter: 0,
        orderId: order.id,
        createdAt: at,
      },
    });
    const credited = await prisma.$transaction((tx) =>
      creditOrderGiftCards(tx, { orderId: order.id, amount: 600, kind: "refund", reason: "partial refund" }),
    );
    expect(credited).toBe(600);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: last.id } })).balance).toBe(600);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: first.id } })).balance).toBe(0);
  });

  it("loads cards in the order given from any spelling and lists inactive or missing ones as unknown", async () => {
    await createGiftCard({ code: "ABCDEFGH23456789", balance: 3000 });
    await createGiftCard({ code: "ZZZZZZZZZZZZZZZZ", isActive: false });
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    await createGiftCard({ code: "QQQQRRRRSSSSTTTT", balance: 100, expiresAt });
    expect(normaliseGiftCardCode("abcd-efgh 2345-6789")).toBe("ABCDEFGH23456789");
    const { cards, unknown } = await loadGiftCards(["qqqq-rrrr-ssss-tttt", "abcd-efgh-2345-6789", "ZZZZ-ZZZZ-ZZZZ-ZZZZ", "nope"]);
    expect(cards).toEqual([
      { code: "QQQQRRRRSSSSTTTT", balance: 100, expiresAt },
      { code: "ABCDEFGH23456789", balance: 3000 },
    ]);
    expect(unknown).toEqual(["ZZZZZZZZZZZZZZZZ", "NOPE"]);
  });

  it("redeems with a ledger entry, refuses more than the balance or an expired card, and credits back at most what was taken", async () => {
    const order = await anOrder();
    const a = await createGiftCard({ code: "AAAA", balance: 3000 });
    const b = await createGiftCard({ code: "BBBB", balance: 1000 });
    await createGiftCard({ code: "OLD", balance: 1000, expiresAt: new Date(Date.now() - 1000) });

    await prisma.$transaction(async (tx) => {
      await redeemGiftCard(tx, { code: "aaaa", amount: 2500, orderId: order.id });
      await redeemGiftCard(tx, { code: "BBBB", amount: 1000, orderId: order.id });
    });
    expect((await prisma.giftCard.findUnique({ where: { id: a.id } }))?.balance).toBe(500);
    expect(await prisma.giftCardEntry.findFirst({ where: { giftCardId: a.id, kind: "redeem" } })).toMatchObject({
      amount: -2500,
      balanceAfter: 500,
      orderId: order.id,
    });

    const tooMuch = await prisma
      .$transaction((tx) => redeemGiftCard(tx, { code: "AAAA", amount: 501, orderId: order.id }))
      .catch((e: unknown) => e);
    expect(isDomainError(tooMuch, "gift_card_unavailable") && tooMuch.details.reason).toBe("no_remaining_balance");
    const expired = await prisma
      .$transaction((tx) => redeemGiftCard(tx, { code: "OLD", amount: 1, orderId: order.id }))
      .catch((e: unknown) => e);
    expect(isDomainError(expired, "gift_card_unavailable") && expired.details.reason).toBe("gift_card_expired");

    // Latest redeemed first: BBBB gets its 1000 back, then AAAA 500 of its 2500.
    const first = await prisma.$transaction((tx) =>
      creditOrderGiftCards(tx, { orderId: order.id, amount: 1500, kind: "refund", reason: "partial refund" }),
    );
    expect(first).toBe(1500);
    expect((await prisma.giftCard.findUnique({ where: { id: b.id } }))?.balance).toBe(1000);
    expect((await prisma.giftCard.findUnique({ where: { id: a.id } }))?.balance).toBe(1000);

    const rest = await prisma.$transaction((tx) =>
      creditOrderGiftCards(tx, { orderId: order.id, amount: 99_999, kind: "release", reason: "cancelled" }),
    );
    expect(rest).toBe(2000);
    expect((await prisma.giftCard.findUnique({ where: { id: a.id } }))?.balance).toBe(3000);
    expect(
      await prisma.$transaction((tx) =>
        creditOrderGiftCards(tx, { orderId: order.id, amount: 1, kind: "release", reason: "again" }),
      ),
    ).toBe(0);

    const ledger = await prisma.giftCardEntry.findMany({ where: { giftCardId: a.id }, orderBy: { createdAt: "asc" } });
    expect(ledger.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ["issue", 3000, 3000],
      ["redeem", -2500, 500],
      ["refund", 500, 1000],
      ["release", 2000, 3000],
    ]);
  });
});
