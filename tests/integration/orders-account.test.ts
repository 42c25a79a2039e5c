// /account/orders and /account/orders/:number against the real database: only the customer's own
// orders (someone else's number is a 404), newest first, tracking, download links for paid
// digital items, and "write a review" only for delivered products not yet reviewed.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as orderRoute from "~/routes/account+/orders.$number";
import * as ordersRoute from "~/routes/account+/orders._index";
import { createOrder, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Detail = {
  order: {
    number: string;
    carrier: string | null;
    items: Array<{
      title: string;
      reviewUrl: string | null;
      downloads: Array<{ url: string; remaining: number; usable: boolean; expired: boolean }>;
    }>;
  };
};

/** The customer's order page (/account/orders/:number) as `userId` loads it. */
async function openOrderPage(number: string, userId: string) {
  return run(orderRoute.loader, await getRequest(`/account/orders/${number}`, { userId }), { number });
}

/** A digital product with untracked stock, $9.00. */
function createEbook() {
  return createProduct({ title: "E-book", kind: "digital", variants: [{ price: 900, stock: 0, trackInventory: false }] });
}

describe("customer account orders", () => {
  let adaId: string;
  let bobId: string;
  beforeEach(async () => {
    await resetDatabase();
    adaId = (await createUser({ email: "ada@example.com", name: "Ada" })).id;
    bobId = (await createUser({ email: "bob@example.com", name: "Bob" })).id;
  });

  it("lists only the customer's orders, newest first, and needs a session", async () => {
    const variantId = (await createProduct({ variants: [{ price: 1000, stock: 10 }] })).variants[0].id;
    const older = await createOrder({
      userId: adaId,
      items: [{ variantId, quantity: 1 }],
      placedAt: new Date(Date.now() - 86_400_000),
    });
    const newer = await createOrder({ userId: adaId, items: [{ variantId, quantity: 2 }] });
    await createOrder({ userId: bobId, items: [{ variantId, quantity: 1 }] });
    const result = await run(ordersRoute.loader, await getRequest("/account/orders", { userId: adaId }));
    const data = payloadOf<{ orders: Array<{ number: string; units: number }>; total: number }>(result);
    expect(data.total).toBe(2);
    expect(data.orders.map((o) => [o.number, o.units])).toEqual([
      [newer.number, 2],
      [older.number, 1],
    ]);
    const anonymous = await run(ordersRoute.loader, await getRequest("/account/orders"));
    expect(statusOf(anonymous)).toBe(302);
  });

  it("shows one order to its owner only, with tracking, downloads and review links", async () => {
    const shirt = await createProduct({ title: "Shirt", variants: [{ price: 2000, stock: 5 }] });
    const ebook = await createEbook();
    const order = await createOrder({
      userId: adaId,
      status: "delivered",
      items: [
        { variantId: shirt.variants[0].id, quantity: 1 },
        { variantId: ebook.variants[0].id, quantity: 1 },
      ],
    });
    await prisma.order.update({
      where: { id: order.id },
      data: {
        carrier: "DHL",
        trackingNumber: "JD123",
        stripePaymentIntentId: "pi_private_123",
        cancelReason: "Staff note: check this customer",
      },
    });
    const ebookItem = order.items.find((item) => item.title === "E-book")!;
    await prisma.downloadGrant.create({
      data: { orderItemId: ebookItem.id, maxDownloads: 5, downloadCount: 2, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await prisma.productReview.create({ data: { productId: ebook.id, userId: adaId, rating: 5 } });

    const result = await openOrderPage(order.number, adaId);
    const { order: shown } = payloadOf<Detail>(result);
    expect(shown.carrier).toBe("DHL");
    // the page's data carries nothing staff-only or from the payment provider
    expect(JSON.stringify(shown)).not.toMatch(/pi_private_123|Staff note/);
    const [shirtLine, ebookLine] = [
      shown.items.find((i) => i.title === "Shirt")!,
      shown.items.find((i) => i.title === "E-book")!,
    ];
    // the product page's reviews section (id="reviews") holds the form
    expect(shirtLine.reviewUrl).toBe(`/shop/${shirt.slug}#reviews`);
    expect(ebookLine.reviewUrl).toBeNull(); // already reviewed
    expect(ebookLine.downloads).toEqual([
      expect.objectContaining({
        remaining: 3,
        usable: true,
        expired: false,
        url: expect.stringMatching(/^\/downloads\/.+\?key=/),
      }),
    ]);
    await prisma.downloadGrant.updateMany({ data: { expiresAt: new Date(Date.now() - 60_000) } });
    const later = await openOrderPage(order.number, adaId);
    const expiredLine = payloadOf<Detail>(later).order.items.find((i) => i.title === "E-book")!;
    expect(expiredLine.downloads).toEqual([expect.objectContaining({ remaining: 3, usable: false, expired: true })]);

    const stranger = await openOrderPage(order.number, bobId);
    expect(statusOf(stranger)).toBe(404);
  });

  it("offers no downloads or reviews before the order is paid or delivered", async () => {
    const ebook = await createEbook();
    const order = await createOrder({
      userId: adaId,
      status: "pending_payment",
      items: [{ variantId: ebook.variants[0].id, quantity: 1 }],
    });
    await prisma.downloadGrant.create({
      data: { orderItemId: order.items[0].id, maxDownloads: 5, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const result = await openOrderPage(order.number, adaId);
    const { order: shown } = payloadOf<Detail>(result);
    expect(shown.items[0]).toMatchObject({ downloads: [], reviewUrl: null });
  });
});
