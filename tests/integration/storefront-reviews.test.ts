// Reviews: only a customer with a delivered order of the product may write one, once; it waits for
// moderation; approving shows it (and the average) on the product page at once; moderation needs
// the permission; the customer sees their reviews' states in their account.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import { loader as accountLoader } from "~/routes/account+/reviews";
import { action as moderate, loader as moderationLoader } from "~/routes/admin+/shop.reviews";
import { action, loader } from "~/routes/_public+/shop.$slug";
import { createOrder, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { formRequest, getRequest, sessionCookie } from "../setup/requests";
import { resetDatabase, rowCounts } from "../setup/reset";
import { answerOf, call, catalogueChanged, locationOf, statusOf } from "./storefront-helpers";

const SLUG = "desk-lamp";
const review = { intent: "review", rating: "4", title: "Warm light", body: "Nice and bright." };

async function lampAndCustomer(orderStatus: "delivered" | "paid" | "fulfilled" = "delivered") {
  const product = await createProduct({ title: "Desk lamp", slug: SLUG });
  const customer = await createUser({ email: `c-${Math.random()}@example.com`, name: "Grace Hopper" });
  await createOrder({ userId: customer.id, status: orderStatus, items: [{ variantId: product.variants[0]!.id, quantity: 1 }] });
  await catalogueChanged();
  return { product, customer };
}

const cookies = new Map<string, string>();
/** One session per customer, so "nothing changed" row counts are not disturbed by new sessions. */
async function cookieOf(userId: string) {
  if (!cookies.has(userId)) cookies.set(userId, (await sessionCookie(userId)).cookie);
  return cookies.get(userId)!;
}
const submit = async (userId: string | undefined, fields: Record<string, string> = review) =>
  call(action, await formRequest(`/shop/${SLUG}`, fields, userId ? { cookie: await cookieOf(userId) } : {}), { slug: SLUG });
const page = async (userId?: string) =>
  (
    await answerOf<{
      viewer: string;
      product: { rating: { average: number; count: number }; reviews: Array<{ title: string; author: string }> };
    }>(loader, await getRequest(`/shop/${SLUG}`, userId ? { userId } : {}), { slug: SLUG })
  ).payload;

beforeEach(async () => {
  cookies.clear();
  await resetDatabase();
  await catalogueChanged();
});

describe("writing a review", () => {
  it("lets a customer with a delivered order write one review, held for moderation", async () => {
    const { customer } = await lampAndCustomer();
    expect((await page(customer.id)).viewer).toBe("can_review");
    const result = await submit(customer.id);
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe(`/shop/${SLUG}#reviews`);
    const rows = await prisma.productReview.findMany();
    expect(rows).toEqual([expect.objectContaining({ rating: 4, title: "Warm light", status: "pending", userId: customer.id })]);
    expect((await page(customer.id)).viewer).toBe("pending");
    expect((await page()).product.reviews).toEqual([]);

    const before = await rowCounts();
    const twice = await submit(customer.id, { ...review, title: "Again" });
    expect(statusOf(twice)).toBe(409);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses customers whose order is not delivered yet, and anonymous visitors", async () => {
    const { customer } = await lampAndCustomer("fulfilled");
    expect((await page(customer.id)).viewer).toBe("not_delivered");
    await cookieOf(customer.id);
    const before = await rowCounts();
    const refused = await submit(customer.id);
    expect(statusOf(refused)).toBe(409);
    const anonymous = await submit(undefined);
    expect(locationOf(anonymous)).toMatch(/^\/auth\/login/);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a missing or out-of-range rating and an empty title, changing nothing", async () => {
    const { customer } = await lampAndCustomer();
    await cookieOf(customer.id);
    const before = await rowCounts();
    for (const fields of [
      { ...review, rating: "6" },
      { ...review, rating: "0" },
      { ...review, rating: "four" },
      { ...review, title: "  " },
      { ...review, body: "x".repeat(5001) },
      { ...review, title: "\u0000" },
    ]) {
      const result = await submit(customer.id, fields);
      expect(statusOf(result)).toBe(400);
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe("moderation", () => {
  it("shows an approved review and the average on the product page straight away", async () => {
    const { customer } = await lampAndCustomer();
    await submit(customer.id);
    const other = await lampCustomerFor(SLUG);
    await submit(other.id, { ...review, rating: "5", title: "Great" });
    expect((await page()).product.rating.count).toBe(0);

    const admin = await createUser({ roles: ["admin"], email: "mod@example.com" });
    const queue = await answerOf<{ reviews: Array<{ id: string; title: string }> }>(
      moderationLoader,
      await getRequest("/admin/shop/reviews", { userId: admin.id }),
    );
    expect(queue.payload.reviews.map((r) => r.title)).toEqual(["Warm light", "Great"]);
    for (const { id } of queue.payload.reviews) {
      const result = await call(
        moderate,
        await formRequest("/admin/shop/reviews", { reviewId: id, decision: "approved" }, { userId: admin.id }),
      );
      expect(statusOf(result)).toBe(302);
    }
    const shown = await page();
    expect(shown.product.rating).toEqual({ average: 4.5, count: 2 });
    expect(shown.product.reviews.map((r) => r.author).sort()).toEqual(["Grace H.", "Grace H."]);

    const [first] = queue.payload.reviews;
    await call(
      moderate,
      await formRequest("/admin/shop/reviews", { reviewId: first!.id, decision: "rejected" }, { userId: admin.id }),
    );
    expect((await page()).product.rating).toEqual({ average: 5, count: 1 });
    const audit = await prisma.auditLog.findMany({
      where: { entityType: "ProductReview", actorId: admin.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["review.approve", "review.approve", "review.reject"]);
  });

  it("is refused without the moderation permission, in the loader and the action", async () => {
    const { customer } = await lampAndCustomer();
    await submit(customer.id);
    const pending = await prisma.productReview.findFirstOrThrow();
    const listing = await call(moderationLoader, await getRequest("/admin/shop/reviews", { userId: customer.id }));
    expect(statusOf(listing)).toBe(403);
    const attempt = await call(
      moderate,
      await formRequest("/admin/shop/reviews", { reviewId: pending.id, decision: "approved" }, { userId: customer.id }),
    );
    expect(statusOf(attempt)).toBe(403);
    expect((await prisma.productReview.findFirstOrThrow()).status).toBe("pending");
  });

  it("lists the customer's own reviews with their status in the account", async () => {
    const { customer } = await lampAndCustomer();
    await submit(customer.id);
    const mine = await answerOf<{ reviews: Array<{ title: string; status: string; product: { slug: string } }> }>(
      accountLoader,
      await getRequest("/account/reviews", { userId: customer.id }),
    );
    expect(mine.payload.reviews).toEqual([
      expect.objectContaining({ title: "Warm light", status: "pending", product: expect.objectContaining({ slug: SLUG }) }),
    ]);
    const stranger = await createUser({ email: "stranger@example.com" });
    const theirs = await answerOf<{ reviews: unknown[] }>(
      accountLoader,
      await getRequest("/account/reviews", { userId: stranger.id }),
    );
    expect(theirs.payload.reviews).toEqual([]);
  });
});

async function lampCustomerFor(slug: string) {
  const product = await prisma.product.findUniqueOrThrow({ where: { slug }, include: { variants: true } });
  const customer = await createUser({ email: `other-${Math.random()}@example.com`, name: "Grace Brewster Hopper" });
  await createOrder({ userId: customer.id, status: "delivered", items: [{ variantId: product.variants[0]!.id, quantity: 1 }] });
  return customer;
}
