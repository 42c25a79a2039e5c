// Races between the reservation-expiry sweep, a payment and a customer going back to the cart: the
// stock, gift cards and order status must end up the way the money says.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { releaseExpiredReservations } from "~/domains/commerce/checkout/expiry.server";
import { startCheckout } from "~/domains/commerce/checkout/start.server";
import { redeemGiftCard } from "~/domains/commerce/gift-cards/ledger.server";
import { markOrderPaid } from "~/domains/commerce/orders/payment.server";
import type * as StripeCheckout from "~/domains/commerce/payments/stripe-checkout.server";
import { prisma } from "~/infra/db.server";
import { createGiftCard, createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";
import { createCart } from "./checkout-helpers";

type StripeCheckoutModule = typeof StripeCheckout;

// What happens while the sweep talks to Stripe (between its read and its cancel).
const whileExpiring = vi.hoisted(() => ({ hook: null as null | ((sessionId: string) => Promise<void>) }));
vi.mock("~/domains/commerce/payments/stripe-checkout.server", async (importOriginal) => {
  const original = await importOriginal<StripeCheckoutModule>();
  return {
    ...original,
    expireStripeSession: async (sessionId: string) => {
      await whileExpiring.hook?.(sessionId);
      return "already_expired" as const;
    },
  };
});

beforeEach(resetDatabase);
afterEach(() => {
  whileExpiring.hook = null;
});

const stockOf = (id: string) =>
  prisma.productVariant.findUniqueOrThrow({ where: { id }, select: { stockOnHand: true, stockReserved: true } });

/** A Stripe order whose reservation ran out, waiting on session cs_old, 500 of it paid by gift card. */
async function expiredStripeOrder() {
  const product = await createProduct({ title: "Album", variants: [{ price: 1000, stock: 5 }] });
  const variant = product.variants[0];
  const card = await createGiftCard({ code: "RACECARD0001", balance: 800 });
  const cart = await createCart({ items: [{ variantId: variant.id, quantity: 2 }] });
  const past = new Date(Date.now() - 20 * 60_000);
  const { checkoutId } = await startCheckout({ cartId: cart.id, user: null, now: past });
  const order = await prisma.$transaction(async (tx) => {
    const created = await tx.order.create({
      data: {
        number: "VS-RACE-0001",
        checkoutId,
        email: "buyer@example.com",
        paymentMethod: "stripe",
        currency: "USD",
        merchandiseSubtotal: 2000,
        grandTotal: 2000,
        giftCardTotal: 500,
        amountDue: 1500,
        stripeCheckoutSessionId: "cs_old",
        items: {
          create: {
            productId: product.id,
            variantId: variant.id,
            title: product.title,
            sku: variant.sku,
            unitPrice: 1000,
            quantity: 2,
            lineTotal: 2000,
            requiresShipping: true,
          },
        },
      },
    });
    await tx.checkout.update({ where: { id: checkoutId }, data: { status: "placed", email: "buyer@example.com" } });
    await redeemGiftCard(tx, { code: card.code, amount: 500, orderId: created.id });
    return created;
  });
  return { order, variant, card };
}

describe("the expiry sweep racing a payment", () => {
  it("leaves an order paid (through a retry's session) while the sweep expired the old session alone", async () => {
    const { order, variant, card } = await expiredStripeOrder();
    whileExpiring.hook = async () => {
      // A retry opened cs_new just before the reservation ran out; its payment lands now.
      await prisma.$transaction(async (tx) => {
        await tx.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: "cs_new" } });
        await markOrderPaid(tx, { orderId: order.id, via: "stripe", stripePaymentIntentId: "pi_new" });
      });
    };

    const result = await releaseExpiredReservations();

    expect(result).toMatchObject({ ordersCancelled: 0, skipped: 1 });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "paid",
      cancelledAt: null,
    });
    // Sold once, the gift card stays spent (not credited back for an order that was paid).
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 3, stockReserved: 0 });
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(300);
  });

  it("does not cancel an order whose session a retry replaced meanwhile, and cancels it on a later sweep", async () => {
    const { order, variant, card } = await expiredStripeOrder();
    const expired: string[] = [];
    whileExpiring.hook = async (sessionId) => {
      expired.push(sessionId);
      if (sessionId === "cs_old") {
        await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: "cs_new" } });
      }
    };

    expect(await releaseExpiredReservations()).toMatchObject({ ordersCancelled: 0, skipped: 1 });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending_payment");

    expect(await releaseExpiredReservations()).toMatchObject({ ordersCancelled: 1 });
    expect(expired).toEqual(["cs_old", "cs_new"]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("cancelled");
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 0 });
    expect((await prisma.giftCard.findUniqueOrThrow({ where: { id: card.id } })).balance).toBe(800);
  });
});

describe("starting a checkout while the same cart's order is being placed", () => {
  it("keeps the placed order's reservation and status", async () => {
    const product = await createProduct({ title: "Lamp", variants: [{ price: 1000, stock: 5 }] });
    const variant = product.variants[0];
    const cart = await createCart({ items: [{ variantId: variant.id, quantity: 2 }] });
    const { checkoutId } = await startCheckout({ cartId: cart.id, user: null });
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 2 });

    // Placement holds the checkout's row lock, places it and empties the cart; a second tab starts
    // a checkout of the same cart meanwhile.
    let restart: Promise<unknown> = Promise.resolve();
    await prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Checkout" WHERE "id" = ${checkoutId} FOR UPDATE`;
        restart = startCheckout({ cartId: cart.id, user: null }).catch((error: unknown) => error);
        await new Promise((resolve) => setTimeout(resolve, 700));
        await tx.checkout.update({ where: { id: checkoutId }, data: { status: "placed" } });
        await tx.cartItem.deleteMany({ where: { cartId: cart.id } });
      },
      { timeout: 10_000 },
    );
    // The second start waited for the placement and found the cart emptied by it.
    expect(await restart).toMatchObject({ code: "empty_cart" });

    expect((await prisma.checkout.findUniqueOrThrow({ where: { id: checkoutId } })).status).toBe("placed");
    expect(await prisma.stockReservation.findMany({ where: { checkoutId }, select: { quantity: true } })).toEqual([
      { quantity: 2 },
    ]);
    expect(await stockOf(variant.id)).toEqual({ stockOnHand: 5, stockReserved: 2 });
  });
});
