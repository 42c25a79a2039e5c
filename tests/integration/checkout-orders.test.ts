// What happens to an order after it is placed: payment (markOrderPaid), cancellation (cancelOrder),
// the reservation-expiry sweep, and counted digital downloads.
import { beforeEach, describe, expect, it } from "vitest";
import { startCheckout } from "~/domains/commerce/checkout/start.server";
import { releaseExpiredReservations } from "~/domains/commerce/checkout/expiry.server";
import { reservationExpiryJob } from "~/domains/commerce/commerce.jobs.server";
import { cancelOrder } from "~/domains/commerce/orders/cancel.server";
import { consumeDownloadGrant } from "~/domains/commerce/orders/downloads.server";
import {
  downloadKey,
  downloadPath,
  orderAccessKey,
  verifyDownloadKey,
  verifyOrderAccessKey,
} from "~/domains/commerce/orders/order-links.server";
import { markOrderPaid } from "~/domains/commerce/orders/payment.server";
import { SCHEDULES } from "~/domains/platform/jobs/schedules.server";
import { getJobDefinition } from "~/domains/platform/jobs/registry.server";
import { isDomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import * as downloadRoute from "~/routes/_public+/downloads.$grantId";
import { createDiscount, createGiftCard, createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";
import { createCart, get } from "./checkout-helpers";

beforeEach(resetDatabase);

/** A Stripe order as placement leaves it: checkout placed, stock still reserved, payment pending. */
async function pendingStripeOrder({
  stock = 5,
  quantity = 2,
  kind = "physical",
  giftCard,
  discountCode,
}: {
  stock?: number;
  quantity?: number;
  kind?: "physical" | "digital";
  giftCard?: { code: string; amount: number };
  discountCode?: string;
} = {}) {
  const product = await createProduct({ title: "Album", kind, variants: [{ price: 1000, stock }] });
  const variant = product.variants[0];
  const cart = await createCart({ items: [{ variantId: variant.id, quantity }] });
  const { checkoutId } = await startCheckout({ cartId: cart.id, user: null });
  const total = 1000 * quantity;
  const order = await prisma.$transaction(async (tx) => {
    const created = await tx.order.create({
      data: {
        number: `VS-TEST-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
        checkoutId,
        email: "buyer@example.com",
        paymentMethod: "stripe",
        currency: "USD",
        merchandiseSubtotal: total,
        grandTotal: total,
        giftCardTotal: giftCard?.amount ?? 0,
        amountDue: total - (giftCard?.amount ?? 0),
        discountCode: discountCode ?? null,
        items: {
          create: {
            productId: product.id,
            variantId: variant.id,
            title: product.title,
            sku: variant.sku,
            unitPrice: 1000,
            quantity,
            lineTotal: total,
            requiresShipping: kind === "physical",
            isDigital: kind === "digital",
          },
        },
      },
    });
    await tx.checkout.update({ where: { id: checkoutId }, data: { status: "placed", email: "buyer@example.com" } });
    return created;
  });
  if (giftCard) {
    const { redeemGiftCard } = await import("~/domains/commerce/gift-cards/ledger.server");
    await prisma.$transaction((tx) => redeemGiftCard(tx, { code: giftCard.code, amount: giftCard.amount, orderId: order.id }));
  }
  if (discountCode) {
    const { claimDiscount } = await import("~/domains/commerce/discounts/redemption.server");
    await prisma.$transaction((tx) =>
      claimDiscount(tx, { code: discountCode, orderId: order.id, customerKey: "buyer@example.com", now: new Date() }),
    );
  }
  return { order, variant, product, checkoutId };
}

const stockOf = (id: string) =>
  prisma.productVariant.findUniqueOrThrow({ where: { id }, select: { stockOnHand: true, stockReserved: true } });

describe("markOrderPaid", () => {
  it("moves reserved stock to sold, grants downloads, e-mails once and is idempotent", async () => {
    await prisma.shopSettings.create({ data: { id: 1, downloadLimit: 3, downloadDays: 7 } });
    const { order, variant } = await pendingStripeOrder({ kind: "digital", quantity: 1 });
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 1 });

    const first = await prisma.$transaction((tx) =>
      markOrderPaid(tx, { orderId: order.id, via: "stripe", stripePaymentIntentId: "pi_123" }),
    );
    const second = await prisma.$transaction((tx) =>
      markOrderPaid(tx, { orderId: order.id, via: "stripe", stripePaymentIntentId: "pi_123" }),
    );
    expect(first).toEqual({ changed: true });
    expect(second).toEqual({ changed: false });

    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "paid",
      stripePaymentIntentId: "pi_123",
      paidAt: expect.any(Date),
    });
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 4, stockReserved: 0 });
    const grants = await prisma.downloadGrant.findMany();
    expect(grants).toHaveLength(1);
    expect(grants[0].maxDownloads).toBe(3);
    const days = (grants[0].expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    expect(await prisma.emailMessage.count({ where: { template: "order-confirmation" } })).toBe(1);
    const paidEvents = (await prisma.outboxEvent.findMany({ where: { name: "webhook_dispatch" } })).filter(
      (event) => (event.payload as { type: string }).type === "order.paid",
    );
    expect(paidEvents).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: "order.paid", entityId: order.id } })).toBe(1);
    expect(await prisma.inventoryAdjustment.count({ where: { orderId: order.id, delta: -1 } })).toBe(1);
  });

  it("takes the stock again when the reservation was released, and refuses (oversold) when it is gone", async () => {
    const { order, variant, checkoutId } = await pendingStripeOrder({ stock: 2, quantity: 2 });
    // The sweep released the reservation, then someone else bought one unit.
    await prisma.$transaction(async (tx) => {
      const { releaseReservations } = await import("~/domains/commerce/checkout/stock.server");
      await releaseReservations(tx, checkoutId);
    });
    await prisma.productVariant.update({ where: { id: variant.id }, data: { stockOnHand: 1 } });

    const error = await prisma
      .$transaction((tx) => markOrderPaid(tx, { orderId: order.id, via: "stripe" }))
      .catch((caught: unknown) => caught);
    expect(isDomainError(error, "oversold")).toBe(true);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending_payment");
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 1, stockReserved: 0 });

    await prisma.productVariant.update({ where: { id: variant.id }, data: { stockOnHand: 3 } });
    await prisma.$transaction((tx) => markOrderPaid(tx, { orderId: order.id, via: "stripe" }));
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 1, stockReserved: 0 });
  });

  it("refuses to mark a cancelled order paid", async () => {
    const { order } = await pendingStripeOrder();
    await prisma.$transaction((tx) => cancelOrder(tx, { orderId: order.id, reason: "payment_timeout", restock: false }));
    const error = await prisma
      .$transaction((tx) => markOrderPaid(tx, { orderId: order.id, via: "stripe" }))
      .catch((caught: unknown) => caught);
    expect(isDomainError(error, "invalid_transition")).toBe(true);
  });
});

describe("cancelOrder", () => {
  it("releases the reservation, credits the gift card back, returns the discount use, once", async () => {
    await createGiftCard({ code: "CARD000000000001", balance: 1500 });
    await createDiscount({ code: "ONCE", usageLimit: 1 });
    const { order, variant } = await pendingStripeOrder({
      giftCard: { code: "CARD000000000001", amount: 500 },
      discountCode: "ONCE",
    });
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { code: "CARD000000000001" } })).balance).toBe(1000);
    expect((await prisma.discount.findUniqueOrThrow({ where: { code: "ONCE" } })).usedCount).toBe(1);

    const first = await prisma.$transaction((tx) =>
      cancelOrder(tx, { orderId: order.id, reason: "payment_timeout", restock: false }),
    );
    const again = await prisma.$transaction((tx) =>
      cancelOrder(tx, { orderId: order.id, reason: "payment_timeout", restock: false }),
    );
    expect(first).toEqual({ changed: true });
    expect(again).toEqual({ changed: false });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "cancelled",
      cancelReason: "payment_timeout",
    });
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 0 });
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { code: "CARD000000000001" } })).balance).toBe(1500);
    expect(await prisma.giftCardEntry.count({ where: { orderId: order.id, kind: "release" } })).toBe(1);
    expect((await prisma.discount.findUniqueOrThrow({ where: { code: "ONCE" } })).usedCount).toBe(0);
    expect(await prisma.discountRedemption.count()).toBe(0);
  });

  it("returns an unpaid offline order's committed stock, and a paid order's only when asked", async () => {
    const { order, variant } = await pendingStripeOrder({ stock: 5, quantity: 2 });
    await prisma.order.update({ where: { id: order.id }, data: { paymentMethod: "offline" } });
    const { commitOrderStock } = await import("~/domains/commerce/checkout/stock.server");
    const withItems = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { items: true } });
    await prisma.$transaction((tx) => commitOrderStock(tx, withItems));
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 3, stockReserved: 0 });
    await prisma.$transaction((tx) => cancelOrder(tx, { orderId: order.id, reason: "customer asked", restock: false }));
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 0 });

    const paid = await pendingStripeOrder({ stock: 4, quantity: 1 });
    await prisma.$transaction((tx) => markOrderPaid(tx, { orderId: paid.order.id, via: "stripe" }));
    await prisma.$transaction((tx) => cancelOrder(tx, { orderId: paid.order.id, reason: "lost", restock: false }));
    expect(await stockOf(paid.variant.id)).toEqual({ stockOnHand: 3, stockReserved: 0 });
  });
});

describe("reservation expiry", () => {
  it("is a registered job scheduled every minute", () => {
    expect(getJobDefinition("commerce_reservation_expiry")).toBe(reservationExpiryJob);
    expect(SCHEDULES).toContainEqual(expect.objectContaining({ job: reservationExpiryJob, pattern: "* * * * *" }));
  });

  it("releases abandoned checkouts and cancels unpaid Stripe orders past their time, leaving current ones", async () => {
    const abandoned = await createProduct({ variants: [{ price: 1000, stock: 3 }] });
    const current = await createProduct({ variants: [{ price: 1000, stock: 3 }] });
    const abandonedCart = await createCart({ items: [{ variantId: abandoned.variants[0].id, quantity: 2 }] });
    const currentCart = await createCart({ items: [{ variantId: current.variants[0].id, quantity: 1 }] });
    const old = await startCheckout({ cartId: abandonedCart.id, user: null, now: new Date(Date.now() - 20 * 60_000) });
    await startCheckout({ cartId: currentCart.id, user: null });
    const stripe = await pendingStripeOrder({ stock: 2, quantity: 2 });
    await prisma.stockReservation.updateMany({
      where: { checkoutId: stripe.checkoutId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await prisma.checkout.update({ where: { id: stripe.checkoutId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const result = await reservationExpiryJob.handler(
      {},
      { eventId: "e1", attempt: 1, maxAttempts: 3, signal: new AbortController().signal },
    );
    expect(result).toMatchObject({ checkoutsExpired: 1, ordersCancelled: 1 });

    expect(await stockOf(abandoned.variants[0].id)).toEqual({ stockOnHand: 3, stockReserved: 0 });
    expect((await prisma.checkout.findUniqueOrThrow({ where: { id: old.checkoutId } })).status).toBe("expired");
    expect(await stockOf(current.variants[0].id)).toEqual({ stockOnHand: 3, stockReserved: 1 });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: stripe.order.id } })).toMatchObject({
      status: "cancelled",
      cancelReason: "payment_timeout",
    });
    expect(await stockOf(stripe.variant.id)).toEqual({ stockOnHand: 2, stockReserved: 0 });

    // A second sweep finds nothing left to do.
    expect(await releaseExpiredReservations()).toEqual({ checkoutsExpired: 0, ordersCancelled: 0, unitsReleased: 0, skipped: 0 });
  });
});

describe("signed links", () => {
  it("verifies only the key made for that id and that purpose", () => {
    const key = orderAccessKey("order-1");
    expect(verifyOrderAccessKey("order-1", key)).toBe(true);
    expect(verifyOrderAccessKey("order-2", key)).toBe(false);
    expect(verifyOrderAccessKey("order-1", `${key}x`)).toBe(false);
    expect(verifyOrderAccessKey("order-1", null)).toBe(false);
    expect(verifyDownloadKey("order-1", key)).toBe(false);
    expect(verifyDownloadKey("grant-1", downloadKey("grant-1"))).toBe(true);
  });
});

describe("downloads", () => {
  async function paidDigitalOrder(limit = 2) {
    await prisma.shopSettings.create({ data: { id: 1, downloadLimit: limit, downloadDays: 30 } });
    const placed = await pendingStripeOrder({ kind: "digital", quantity: 1 });
    await prisma.digitalAsset.create({
      data: {
        productId: placed.product.id,
        fileName: "Álbum final.zip",
        contentType: "application/zip",
        byteSize: 5,
        sha256: "x",
        data: Buffer.from("hello"),
      },
    });
    await prisma.$transaction((tx) => markOrderPaid(tx, { orderId: placed.order.id, via: "stripe" }));
    const grant = await prisma.downloadGrant.findFirstOrThrow();
    return { ...placed, grant };
  }

  it("streams the file as an attachment, private, and counts each download up to the limit", async () => {
    const { grant, order } = await paidDigitalOrder(2);
    const path = downloadPath(grant.id);
    const params = { grantId: grant.id };
    const first = await downloadRoute.loader({ request: new Request(`http://localhost${path}`), params, context: {} as never });
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Disposition")).toBe(
      `attachment; filename="_lbum final.zip"; filename*=UTF-8''%C3%81lbum%20final.zip`,
    );
    expect(first.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await first.text()).toBe("hello");
    await downloadRoute.loader({ request: new Request(`http://localhost${path}`), params, context: {} as never });
    const third = await get(downloadRoute.loader, path, { params });
    expect(third.status).toBe(302);
    expect(third.location).toBe(`/order/${order.number}?key=${encodeURIComponent(orderAccessKey(order.id))}`);
    expect((await prisma.downloadGrant.findUniqueOrThrow({ where: { id: grant.id } })).downloadCount).toBe(2);
  });

  it("never counts past the limit when many downloads start at once", async () => {
    const { grant } = await paidDigitalOrder(3);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => consumeDownloadGrant({ grantId: grant.id, key: downloadKey(grant.id) })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(isDomainError(outcome.reason, "download_limit")).toBe(true);
    }
    expect((await prisma.downloadGrant.findUniqueOrThrow({ where: { id: grant.id } })).downloadCount).toBe(3);
  });

  it("refuses a wrong key (404), an expired grant and a refunded order", async () => {
    const { grant, order } = await paidDigitalOrder(5);
    const wrong = await get(downloadRoute.loader, `/downloads/${grant.id}?key=nope`, { params: { grantId: grant.id } });
    expect(wrong.status).toBe(404);
    await prisma.downloadGrant.update({ where: { id: grant.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(consumeDownloadGrant({ grantId: grant.id, key: downloadKey(grant.id) })).rejects.toMatchObject({
      code: "download_expired",
    });
    await prisma.downloadGrant.update({ where: { id: grant.id }, data: { expiresAt: new Date(Date.now() + 86_400_000) } });
    await prisma.order.update({ where: { id: order.id }, data: { status: "refunded" } });
    await expect(consumeDownloadGrant({ grantId: grant.id, key: downloadKey(grant.id) })).rejects.toMatchObject({
      code: "order_not_paid",
    });
    expect((await prisma.downloadGrant.findUniqueOrThrow({ where: { id: grant.id } })).downloadCount).toBe(0);
  });
});

describe("reservation expiry of orders without reservations", () => {
  it("cancels an unpaid Stripe order of untracked items once its time is up", async () => {
    const product = await createProduct({ variants: [{ price: 900, stock: 0, trackInventory: false }] });
    const cart = await createCart({ items: [{ variantId: product.variants[0].id, quantity: 1 }] });
    const { checkoutId } = await startCheckout({ cartId: cart.id, user: null, now: new Date(Date.now() - 20 * 60_000) });
    expect(await prisma.stockReservation.count()).toBe(0);
    const order = await prisma.order.create({
      data: {
        number: "VS-UNTR-ACK1",
        checkoutId,
        email: "buyer@example.com",
        paymentMethod: "stripe",
        currency: "USD",
        merchandiseSubtotal: 900,
        grandTotal: 900,
        amountDue: 900,
      },
    });
    await prisma.checkout.update({ where: { id: checkoutId }, data: { status: "placed" } });
    const result = await releaseExpiredReservations();
    expect(result.ordersCancelled).toBe(1);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("cancelled");
  });
});
