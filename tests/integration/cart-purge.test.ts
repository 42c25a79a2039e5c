// The daily job deletes anonymous carts whose cookie has expired, keeps customers' carts, recent
// carts and carts whose checkout still holds stock.
import { beforeEach, describe, expect, it } from "vitest";
import { cartPurgeJob } from "~/domains/commerce/cart/cart.jobs.server";
import { purgeAbandonedCarts } from "~/domains/commerce/cart/abandoned.server";
import { SCHEDULES } from "~/domains/platform/jobs/schedules.server";
import { getJobDefinition } from "~/domains/platform/jobs/registry.server";
import { prisma } from "~/infra/db.server";
import { createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";

beforeEach(resetDatabase);

const DAY = 86_400_000;

async function cartAged(days: number, data: { userId?: string } = {}) {
  const product = await createProduct();
  const cart = await prisma.cart.create({
    data: { ...data, items: { create: [{ variantId: product.variants[0].id, quantity: 1 }] } },
  });
  await prisma.$executeRaw`UPDATE "Cart" SET "updatedAt" = ${new Date(Date.now() - days * DAY)} WHERE "id" = ${cart.id}`;
  return cart.id;
}

describe("purging abandoned carts", () => {
  it("deletes only anonymous carts older than 30 days without a checkout holding stock", async () => {
    const user = await createUser();
    const old = await cartAged(31);
    const recent = await cartAged(29);
    const customers = await cartAged(400, { userId: user.id });
    const checkingOut = await cartAged(31);
    await prisma.checkout.create({ data: { cartId: checkingOut, expiresAt: new Date(Date.now() + 60_000) } });

    expect(await purgeAbandonedCarts(new Date())).toBe(1);
    const left = (await prisma.cart.findMany({ select: { id: true } })).map((c) => c.id).sort();
    expect(left).toEqual([recent, customers, checkingOut].sort());
    expect(await prisma.cartItem.count({ where: { cartId: old } })).toBe(0);
    expect(await purgeAbandonedCarts(new Date())).toBe(0);
  });

  it("is registered and scheduled daily", async () => {
    expect(getJobDefinition("cart_purge_abandoned")).toBe(cartPurgeJob);
    expect(SCHEDULES.find((s) => s.id === "cart-purge-daily")).toMatchObject({ job: cartPurgeJob, pattern: "43 3 * * *" });
  });
});
