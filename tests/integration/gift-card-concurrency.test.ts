// One gift card spent by many checkouts at the same moment: each transaction is real and runs in
// parallel on its own connection; the balance never goes below zero and the money taken never
// exceeds what the card held.
import { beforeEach, describe, expect, it } from "vitest";
import { creditOrderGiftCards, redeemGiftCard } from "~/domains/commerce/gift-cards/ledger.server";
import { isDomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { createGiftCard, createOrder, createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";

beforeEach(resetDatabase);

const SPENDERS = 12;

describe("gift card spent by many at once", () => {
  it("never goes below zero and the successful redemptions add up to at most the balance", async () => {
    const product = await createProduct();
    const orders = await Promise.all(
      Array.from({ length: SPENDERS }, () =>
        createOrder({ status: "pending_payment", items: [{ variantId: product.variants[0].id, quantity: 1 }] }),
      ),
    );
    const card = await createGiftCard({ code: "RACE", balance: 10_000 });
    const amount = 3_000; // room for three of the twelve

    const outcomes = await Promise.allSettled(
      orders.map((order) =>
        prisma.$transaction(async (tx) => {
          // Hold the transaction open a moment so the updates really overlap.
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          await redeemGiftCard(tx, { code: "race", amount, orderId: order.id });
        }),
      ),
    );
    const succeeded = outcomes.filter((o) => o.status === "fulfilled").length;
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(succeeded).toBe(3);
    for (const failure of refused) {
      expect(isDomainError(failure.reason, "gift_card_unavailable")).toBe(true);
      expect((failure.reason as { details: { reason: string } }).details.reason).toBe("no_remaining_balance");
    }

    const after = await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.balance).toBe(1_000);
    const redeemed = await prisma.giftCardEntry.findMany({ where: { giftCardId: card.id, kind: "redeem" } });
    expect(redeemed).toHaveLength(3);
    expect(redeemed.reduce((sum, e) => sum - e.amount, 0)).toBe(9_000);
    expect(new Set(redeemed.map((e) => e.balanceAfter))).toEqual(new Set([7_000, 4_000, 1_000]));
  });

  it("lets exactly one of many take a balance that fits only once, down to exactly zero", async () => {
    const product = await createProduct();
    const orders = await Promise.all(
      Array.from({ length: SPENDERS }, () =>
        createOrder({ status: "pending_payment", items: [{ variantId: product.variants[0].id, quantity: 1 }] }),
      ),
    );
    const card = await createGiftCard({ code: "LAST", balance: 2_500 });
    const outcomes = await Promise.allSettled(
      orders.map((order) => prisma.$transaction((tx) => redeemGiftCard(tx, { code: "LAST", amount: 2_500, orderId: order.id }))),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(0);
  });

  it("gives an order's money back once when it is cancelled and refunded at the same moment", async () => {
    const product = await createProduct();
    const order = await createOrder({ status: "pending_payment", items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    const card = await createGiftCard({ code: "TWICE", balance: 5_000 });
    await prisma.$transaction((tx) => redeemGiftCard(tx, { code: "TWICE", amount: 4_000, orderId: order.id }));

    const credited = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          return creditOrderGiftCards(tx, {
            orderId: order.id,
            amount: 4_000,
            kind: i % 2 ? "refund" : "release",
            reason: "parallel",
          });
        }),
      ),
    );
    expect(credited.reduce((sum, n) => sum + n, 0)).toBe(4_000);
    expect(credited.filter((n) => n > 0)).toEqual([4_000]);
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(5_000);
    expect(await prisma.giftCardEntry.count({ where: { giftCardId: card.id, kind: { in: ["release", "refund"] } } })).toBe(1);
  });
});
