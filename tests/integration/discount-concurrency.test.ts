// A discount code with one use left, claimed by many checkouts at the same moment: exactly one
// order gets it; the others are refused with "usage limit reached" and leave no redemption behind.
import { beforeEach, describe, expect, it } from "vitest";
import { claimDiscount, releaseDiscount } from "~/domains/commerce/discounts/redemption.server";
import { isDomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { createDiscount, createOrder, createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";

beforeEach(resetDatabase);

const CUSTOMERS = 12;

async function pendingOrders(count: number) {
  const product = await createProduct();
  return Promise.all(
    Array.from({ length: count }, () =>
      createOrder({ status: "pending_payment", items: [{ variantId: product.variants[0].id, quantity: 1 }] }),
    ),
  );
}

function reasonOf(outcome: PromiseSettledResult<unknown>): string | null {
  if (outcome.status === "fulfilled") return null;
  return isDomainError(outcome.reason, "discount_unavailable") ? String(outcome.reason.details.reason) : "other error";
}

describe("discount with one use left claimed by many at once", () => {
  it("gives it to exactly one order", async () => {
    const orders = await pendingOrders(CUSTOMERS);
    const discount = await createDiscount({ code: "LASTONE", usageLimit: 5, usedCount: 4 });
    const now = new Date();
    const outcomes = await Promise.allSettled(
      orders.map((order, i) =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          await claimDiscount(tx, { code: "lastone", orderId: order.id, customerKey: `customer-${i}@example.com`, now });
        }),
      ),
    );
    expect(outcomes.map(reasonOf).filter((r) => r === null)).toHaveLength(1);
    expect(outcomes.map(reasonOf).filter((r) => r !== null)).toEqual(Array(CUSTOMERS - 1).fill("usage_limit_reached"));
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).usedCount).toBe(5);
    expect(await prisma.discountRedemption.count({ where: { discountId: discount.id } })).toBe(1);
  });

  it("lets one customer racing in many tabs use a once-per-customer code once", async () => {
    const orders = await pendingOrders(CUSTOMERS);
    const discount = await createDiscount({ code: "WELCOME", perCustomerLimit: 1 });
    const now = new Date();
    const outcomes = await Promise.allSettled(
      orders.map((order) =>
        prisma.$transaction((tx) =>
          claimDiscount(tx, { code: "WELCOME", orderId: order.id, customerKey: "ada@example.com", now }),
        ),
      ),
    );
    expect(outcomes.map(reasonOf).filter((r) => r === null)).toHaveLength(1);
    expect(outcomes.map(reasonOf).filter((r) => r !== null)).toEqual(Array(CUSTOMERS - 1).fill("customer_limit_reached"));
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).usedCount).toBe(1);
  });

  it("gives a use back once when one order is released by several processes at once", async () => {
    const [order] = await pendingOrders(1);
    const discount = await createDiscount({ code: "BACKONCE", usageLimit: 10, usedCount: 3 });
    await prisma.$transaction((tx) =>
      claimDiscount(tx, { code: "BACKONCE", orderId: order.id, customerKey: "ada@example.com", now: new Date() }),
    );
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).usedCount).toBe(4);
    await Promise.all(
      Array.from({ length: 6 }, () =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          await releaseDiscount(tx, order.id);
        }),
      ),
    );
    expect((await prisma.discount.findUniqueOrThrow({ where: { id: discount.id } })).usedCount).toBe(3);
    expect(await prisma.discountRedemption.count({ where: { discountId: discount.id } })).toBe(0);
  });
});
