// Paying an order with Stripe Checkout: a redirect to Stripe's hosted page, so no JavaScript is needed
// on our side. Called after the order's transaction commits (a network call never runs inside one).
//
// What Stripe is asked for: ONE line, "Order VS-…", quantity 1, unit amount = order.amountDue, with the
// items listed in its description. Per-item lines would not add up once a discount (allocated per line),
// tax, shipping and gift cards apply; one line is exactly the amount our totals module computed, which
// is what the customer saw on the review page (ADR 013). The webhook checks Stripe's amount_total
// against order.amountDue before marking the order paid.
import { DomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { getI18nInstance } from "~/infra/i18n.server";
import { logger } from "~/infra/logger.server";
import { orderUrl } from "~/domains/commerce/orders/order-links.server";
import { getStripe } from "./stripe.server";

/** Stripe refuses a Checkout Session that expires sooner than 30 minutes or later than 24 hours after creation. */
export const STRIPE_MIN_SESSION_MS = 30 * 60_000;
export const STRIPE_MAX_SESSION_MS = 24 * 60 * 60_000;
const DESCRIPTION_MAX = 480;
const STRIPE_LOCALES = new Set(["en", "es"]);

export type StripeOrder = {
  id: string;
  number: string;
  email: string;
  currency: string;
  amountDue: number;
  locale: string;
  items: ReadonlyArray<{ title: string; variantTitle?: string | null; quantity: number }>;
};

export type StripeSession = { sessionId: string; url: string };

/** "2 × T-shirt (M / Red), 1 × Mug", cut to a length Stripe's page shows whole. */
export function describeItems(items: StripeOrder["items"]): string {
  const text = items
    .map((item) => `${item.quantity} × ${item.title}${item.variantTitle ? ` (${item.variantTitle})` : ""}`)
    .join(", ");
  return text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1)}…` : text;
}

/**
 * When the session stops taking payments: the reservation's end, but never sooner than Stripe's 30-minute
 * minimum (a minute of slack for the trip to Stripe) nor later than its 24-hour maximum. Whole seconds.
 */
export function sessionExpiry(reservationEndsAt: Date, now = new Date()): number {
  const earliest = now.getTime() + STRIPE_MIN_SESSION_MS + 60_000;
  const latest = now.getTime() + STRIPE_MAX_SESSION_MS - 60_000;
  return Math.ceil(Math.min(latest, Math.max(earliest, reservationEndsAt.getTime())) / 1000);
}

export function cancelUrl(order: { id: string; number: string }): string {
  const url = new URL(`/checkout/pay/${encodeURIComponent(order.number)}`, getEnv().APP_URL);
  url.searchParams.set("key", new URL(orderUrl(order)).searchParams.get("key") ?? "");
  url.searchParams.set("cancelled", "1");
  return url.toString();
}

/**
 * A Checkout Session for the order's amount due: the order's current one while it can still be paid
 * (a retry after "Cancel" on Stripe's page), else a new one, whose id is stored on the order (only while
 * the order still waits for payment). The idempotency key is the order id, the session it replaces and the
 * expiry asked for: the SDK's network retries of one attempt get the same session, a later attempt a new
 * one (Stripe refuses a key reused with other parameters). Throws DomainError `stripe_not_configured`, `nothing_to_pay`, `order_not_payable` (the order
 * stopped waiting meanwhile: the new session is expired at once), or the SDK's error.
 */
export async function createStripeCheckoutSession(order: StripeOrder, options: { expiresAt: Date }): Promise<StripeSession> {
  const stripe = getStripe();
  if (!stripe) throw new DomainError("stripe_not_configured", "Stripe is not configured.");
  if (!Number.isSafeInteger(order.amountDue) || order.amountDue <= 0) {
    throw new DomainError("nothing_to_pay", "The order has nothing left to pay by card.", { amountDue: order.amountDue });
  }
  const current = await prisma.order.findUnique({ where: { id: order.id }, select: { stripeCheckoutSessionId: true } });
  const previous = current?.stripeCheckoutSessionId ?? null;
  if (previous) {
    const reusable = await openSession(previous, order.amountDue);
    if (reusable) return reusable;
  }
  const t = (await getI18nInstance(order.locale)).getFixedT(null, "checkout");
  const metadata = { orderId: order.id, orderNumber: order.number };
  const expiresAt = sessionExpiry(options.expiresAt);

  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: order.currency.toLowerCase(),
            unit_amount: order.amountDue,
            product_data: {
              name: t("stripe.lineItem", { number: order.number }),
              ...(order.items.length > 0 ? { description: describeItems(order.items) } : {}),
            },
          },
        },
      ],
      customer_email: order.email,
      client_reference_id: order.id,
      metadata,
      payment_intent_data: { metadata, description: t("stripe.lineItem", { number: order.number }) },
      success_url: orderUrl(order, { paid: "1" }),
      cancel_url: cancelUrl(order),
      expires_at: expiresAt,
      locale: STRIPE_LOCALES.has(order.locale) ? (order.locale as "en" | "es") : "auto",
    },
    { idempotencyKey: `checkout-${order.id}-${previous ?? "first"}-${expiresAt}` },
  );
  if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL.`);

  const stored = await prisma.order.updateMany({
    where: { id: order.id, status: "pending_payment", paymentMethod: "stripe" },
    data: { stripeCheckoutSessionId: session.id },
  });
  if (stored.count === 0) {
    await expireStripeSession(session.id);
    throw new DomainError("order_not_payable", "This order no longer waits for a payment.", { orderId: order.id });
  }
  return { sessionId: session.id, url: session.url };
}

/**
 * The order's current session when the customer can still pay it (open, same amount, not about to
 * expire): a retry sends them back to it instead of opening a second way to pay. A session already
 * paid means the webhook is on its way: DomainError `order_not_payable` (reason "processing").
 */
async function openSession(sessionId: string, amountDue: number): Promise<StripeSession | null> {
  const stripe = getStripe();
  if (!stripe) return null;
  const session = await stripe.checkout.sessions.retrieve(sessionId).catch((error: { code?: string }) => {
    if (error.code === "resource_missing") return null;
    throw error;
  });
  if (!session) return null;
  if (session.status === "complete") {
    throw new DomainError("order_not_payable", "The payment for this order is being confirmed.", { reason: "processing" });
  }
  const usable = session.status === "open" && session.url && session.amount_total === amountDue;
  if (usable && (session.expires_at ?? 0) * 1000 > Date.now() + 5 * 60_000)
    return { sessionId: session.id, url: session.url as string };
  return null;
}

export type ExpireOutcome = "expired" | "already_complete" | "already_expired" | "not_found" | "not_configured";

/**
 * Stops a session from taking a payment (the reservation ran out, or the order was cancelled). A session
 * already expired, completed or unknown is not an error: the outcome says which (a completed one means
 * the payment's webhook is on its way). Network and server errors are thrown so the caller retries.
 */
export async function expireStripeSession(sessionId: string): Promise<ExpireOutcome> {
  const stripe = getStripe();
  if (!stripe) return "not_configured";
  try {
    await stripe.checkout.sessions.expire(sessionId);
    return "expired";
  } catch (error) {
    const stripeError = error as { type?: string; code?: string; statusCode?: number };
    if (stripeError.type !== "StripeInvalidRequestError") throw error;
    if (stripeError.code === "resource_missing" || stripeError.statusCode === 404) return "not_found";
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    if (session.status === "complete") return "already_complete";
    if (session.status === "expired") return "already_expired";
    logger.warn({ err: error, sessionId }, "stripe session could not be expired");
    throw error;
  }
}
