// Placing the order (POST /checkout/review intent=place), one transaction:
//   1. the checkout is locked, still open (or expired: its stock is reserved again, else refused);
//      a cart changed since the reservation gets its reservation redone to match;
//   2. priceCart(tx) — the same function as the review page — and no refusal (code expired, card
//      empty…), a shipping method when something ships;
//   3. the discount use is claimed and each gift card spent (conditional updates: a code or card
//      taken meanwhile by someone else refuses this order);
//   4. the Order and its items with the totals' per-line discount and tax, the cart emptied, the
//      checkout marked placed, order.created and the audit row;
//   5. gift cards cover everything → paid now; offline → stock committed now and the e-mail with
//      the payment instructions; Stripe → the route asks H6's session after the commit.
// A clash on the order number (40 random bits) rolls the transaction back and it runs again.
import { DomainError } from "~/domains/errors";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import { claimDiscount } from "../discounts/redemption.server";
import { redeemGiftCard } from "../gift-cards/ledger.server";
import { newOrderNumber } from "../order-number";
import { priceCart, type PricedCart } from "../pricing.server";
import { getShopSettings, type ShopSettings } from "../shop-settings.server";
import { isStripeConfigured } from "../payments/stripe.server";
import { queueOrderConfirmation } from "../orders/confirmation-email.server";
import { emitOrderEvent } from "../orders/order-events.server";
import { markOrderPaid } from "../orders/payment.server";
import { cartReserveLines } from "./lines.server";
import { commitOrderStock, releaseReservations, reserveStock } from "./stock.server";
import type { ChosenPaymentMethod } from "./contact-schema";

const MINUTE_MS = 60_000;
const NUMBER_ATTEMPTS = 4;

export type PlacedOrder = {
  id: string;
  number: string;
  email: string;
  currency: string;
  amountDue: number;
  locale: string;
  paymentMethod: "stripe" | "offline" | "gift_card";
  reservationEndsAt: Date;
  items: Array<{ title: string; variantTitle: string; quantity: number }>;
};

export type PlaceInput = {
  checkoutId: string;
  cartId: string;
  userId: string | null;
  paymentMethod: ChosenPaymentMethod | null;
  /** The amount due the review page showed: a different one now (a price, stock or card changed) refuses. */
  expectedAmountDue?: number | null;
  locale: string;
  ipAddress?: string | null;
  now?: Date;
};

/** Payment methods the shop takes now (the review page offers these). */
export function availablePaymentMethods(settings: Pick<ShopSettings, "offlinePayment">): ChosenPaymentMethod[] {
  return [...(isStripeConfigured() ? (["stripe"] as const) : []), ...(settings.offlinePayment ? (["offline"] as const) : [])];
}

function isNumberClash(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes("number");
}

export async function placeOrder(input: PlaceInput): Promise<PlacedOrder> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => placeInTransaction(tx, input, newOrderNumber()), {
        timeout: 20_000,
        maxWait: 10_000,
      });
    } catch (error) {
      if (attempt < NUMBER_ATTEMPTS && isNumberClash(error)) continue;
      throw error;
    }
  }
}

/** Redoes the reservation when it ran out or no longer matches the cart; refuses when stock is gone. */
async function ensureReserved(
  tx: Tx,
  checkout: { id: string; cartId: string; status: string; expiresAt: Date },
  settings: ShopSettings,
  now: Date,
): Promise<Date> {
  const lines = await cartReserveLines(tx, checkout.cartId);
  const held = await tx.stockReservation.findMany({
    where: { checkoutId: checkout.id },
    select: { variantId: true, quantity: true },
  });
  const tracked = await tx.productVariant.findMany({
    where: { id: { in: lines.map((line) => line.variantId) }, trackInventory: true },
    select: { id: true },
  });
  const trackedIds = new Set(tracked.map((row) => row.id));
  const wanted = lines.filter((line) => trackedIds.has(line.variantId));
  const matches =
    held.length === wanted.length &&
    wanted.every((line) => held.some((row) => row.variantId === line.variantId && row.quantity === line.quantity));
  const valid = checkout.status === "open" && checkout.expiresAt.getTime() > now.getTime();
  if (valid && matches) return checkout.expiresAt;

  const expiresAt = new Date(now.getTime() + settings.reservationMinutes * MINUTE_MS);
  await releaseReservations(tx, checkout.id);
  await reserveStock(tx, { checkoutId: checkout.id, lines, expiresAt });
  await tx.checkout.update({ where: { id: checkout.id }, data: { status: "open", expiresAt } });
  return expiresAt;
}

function assertPriced(priced: PricedCart, shippingMethodId: string | null): void {
  if (priced.lines.length === 0) throw new DomainError("empty_cart", "The cart is empty.");
  const refusal = priced.totals.refusals[0];
  if (refusal) {
    throw new DomainError("code_refused", `The ${refusal.source} code ${refusal.code} cannot be used.`, {
      refusals: priced.totals.refusals,
    });
  }
  if (priced.totals.requiresShipping) {
    if (
      !shippingMethodId ||
      !priced.shippingMethods.some((option) => option.id === shippingMethodId) ||
      !priced.totals.shipping
    ) {
      throw new DomainError("shipping_required", "Choose a shipping method that delivers to your address.");
    }
  }
}

async function placeInTransaction(tx: Tx, input: PlaceInput, number: string): Promise<PlacedOrder> {
  const now = input.now ?? new Date();
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Checkout" WHERE "id" = ${input.checkoutId} AND "cartId" = ${input.cartId} FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("not_found", "No checkout in progress.");
  const checkout = await tx.checkout.findUniqueOrThrow({
    where: { id: input.checkoutId },
    include: { order: { select: { id: true, number: true } }, shippingMethod: { select: { name: true } } },
  });
  if (checkout.status === "placed" || checkout.order) {
    throw new DomainError("already_placed", "This checkout was already placed.", {
      orderNumber: checkout.order?.number ?? null,
      orderId: checkout.order?.id ?? null,
    });
  }
  if (!checkout.email || !checkout.shipCountry) throw new DomainError("contact_required", "Enter your contact details.");

  const settings = await getShopSettings(tx);
  const reservationEndsAt = await ensureReserved(tx, checkout, settings, now);
  const customerKey = input.userId ?? checkout.email.toLowerCase();
  const priced = await priceCart(
    {
      cartId: checkout.cartId,
      destination: { country: checkout.shipCountry, ...(checkout.shipRegion ? { region: checkout.shipRegion } : {}) },
      ...(checkout.shippingMethodId ? { shippingMethodId: checkout.shippingMethodId } : {}),
      customerKey,
      now,
    },
    tx,
  );
  assertPriced(priced, checkout.shippingMethodId);
  if (priced.totals.requiresShipping && !checkout.shipLine1) {
    throw new DomainError("contact_required", "Enter your delivery address.");
  }
  const { totals } = priced;
  if (typeof input.expectedAmountDue === "number" && input.expectedAmountDue !== totals.amountDue) {
    throw new DomainError("totals_changed", "The amount due changed since the review page was shown.", {
      amountDue: totals.amountDue,
      expected: input.expectedAmountDue,
    });
  }

  let paymentMethod: PlacedOrder["paymentMethod"];
  if (totals.amountDue === 0) paymentMethod = "gift_card";
  else if (input.paymentMethod && availablePaymentMethods(settings).includes(input.paymentMethod)) {
    paymentMethod = input.paymentMethod;
  } else {
    throw new DomainError("payment_method_unavailable", "Choose how you want to pay.");
  }

  const taxByLine = new Map(totals.lines.map((line) => [line.id, line]));
  const order = await tx.order.create({
    data: {
      number,
      checkoutId: checkout.id,
      userId: input.userId,
      email: checkout.email,
      locale: input.locale,
      paymentMethod,
      currency: priced.currency,
      merchandiseSubtotal: totals.merchandiseSubtotal,
      discountTotal: totals.discountTotal,
      shippingTotal: totals.shippingTotal,
      shippingTax: totals.shippingTax,
      taxTotal: totals.taxTotal,
      giftCardTotal: totals.giftCardTotal,
      grandTotal: totals.grandTotal,
      amountDue: totals.amountDue,
      discountCode: totals.discount?.code ?? null,
      shippingMethodName: totals.requiresShipping ? (checkout.shippingMethod?.name ?? null) : null,
      shipName: checkout.shipName,
      shipLine1: totals.requiresShipping ? checkout.shipLine1 : null,
      shipLine2: totals.requiresShipping ? checkout.shipLine2 : null,
      shipCity: totals.requiresShipping ? checkout.shipCity : null,
      shipRegion: checkout.shipRegion,
      shipPostalCode: totals.requiresShipping ? checkout.shipPostalCode : null,
      shipCountry: checkout.shipCountry,
      phone: checkout.phone,
      placedAt: now,
      items: {
        create: priced.lines.map((line) => {
          const computed = taxByLine.get(line.id);
          return {
            productId: line.productId,
            variantId: line.variantId,
            title: line.title,
            variantTitle: line.variantTitle,
            sku: line.sku,
            unitPrice: line.unitPrice,
            quantity: line.quantity,
            lineTotal: computed?.lineTotal ?? line.unitPrice * line.quantity,
            discountAllocated: computed?.discountAllocated ?? 0,
            tax: computed?.tax ?? 0,
            requiresShipping: line.kind === "physical",
            isDigital: line.kind === "digital",
          };
        }),
      },
    },
    include: { items: { orderBy: { id: "asc" } } },
  });

  if (totals.discount) {
    await claimDiscount(tx, { code: totals.discount.code, orderId: order.id, customerKey, now });
  }
  for (const use of totals.giftCardApplied) {
    await redeemGiftCard(tx, { code: use.code, amount: use.amount, orderId: order.id });
  }

  await tx.checkout.update({ where: { id: checkout.id }, data: { status: "placed" } });
  await tx.cartItem.deleteMany({ where: { cartId: checkout.cartId } });
  await tx.cart.update({ where: { id: checkout.cartId }, data: { discountCode: null, giftCardCodes: [] } });

  await recordAudit(
    {
      actorId: input.userId,
      action: "order.place",
      entityType: "order",
      entityId: order.id,
      after: { number, paymentMethod, grandTotal: totals.grandTotal, amountDue: totals.amountDue },
      ipAddress: input.ipAddress ?? null,
    },
    tx,
  );
  await emitOrderEvent(tx, "order.created", order.id);

  if (paymentMethod === "gift_card") {
    await markOrderPaid(tx, { orderId: order.id, via: "gift_card", actorId: input.userId, now });
  } else if (paymentMethod === "offline") {
    await commitOrderStock(tx, order, input.userId);
    await queueOrderConfirmation(tx, order.id, "awaiting_payment");
  }

  return {
    id: order.id,
    number: order.number,
    email: order.email,
    currency: order.currency,
    amountDue: order.amountDue,
    locale: order.locale,
    paymentMethod,
    reservationEndsAt,
    items: order.items.map((item) => ({ title: item.title, variantTitle: item.variantTitle, quantity: item.quantity })),
  };
}
