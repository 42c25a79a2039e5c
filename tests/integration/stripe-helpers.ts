// Stripe in integration tests: the fake Stripe server (tests/setup/fake-stripe.ts) with the app's
// configuration pointed at it, webhooks delivered to the real POST /webhooks/stripe action in-process,
// and a Stripe order as checkout leaves it (stock reserved for its checkout, pending payment).
import { randomUUID } from "node:crypto";
import { action as stripeWebhook } from "~/routes/webhooks+/stripe";
import { resetStripeClientForTests } from "~/domains/commerce/payments/stripe.server";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { createOrder, createProduct } from "../factories/commerce";
import { startFakeStripe, type Delivery, type FakeStripe } from "../setup/fake-stripe";
import { BASE, context } from "../setup/requests";

export const WEBHOOK_SECRET = "whsec_verso_integration_secret";
export const SECRET_KEY = "sk_test_verso_integration";

/** POSTs raw bytes with a signature header to the webhook action, as Stripe would. */
export async function postWebhook(payload: string, signature: string | null): Promise<Delivery> {
  const request = new Request(`${BASE}/webhooks/stripe`, {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json", ...(signature === null ? {} : { "Stripe-Signature": signature }) },
  });
  const response = (await stripeWebhook({ request, params: {}, context: context() })) as Response;
  return { status: response.status, body: await response.text() };
}

/** Starts the fake and points the app's Stripe configuration (and SDK client) at it. */
export async function startStripe(): Promise<FakeStripe> {
  const fake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, deliver: postWebhook });
  Object.assign(getEnv(), { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: fake.url });
  resetStripeClientForTests();
  return fake;
}

export async function stopStripe(fake: FakeStripe | undefined) {
  Object.assign(getEnv(), {
    STRIPE_SECRET_KEY: undefined,
    STRIPE_WEBHOOK_SECRET: undefined,
    STRIPE_API_BASE: "https://api.stripe.com",
  });
  resetStripeClientForTests();
  await fake?.close();
}

/**
 * A Stripe order waiting for payment, as placement leaves it: a placed checkout whose reservation holds
 * `quantity` units of a product with `stock` on hand until `reservedFor` ms from now.
 */
export async function pendingStripeOrder({
  price = 2350,
  quantity = 2,
  stock = 5,
  shippingTotal = 500,
  taxTotal = 0,
  giftCardTotal = 0,
  reservedFor = 15 * 60_000,
  email = `buyer-${randomUUID().slice(0, 6)}@example.com`,
}: {
  price?: number;
  quantity?: number;
  stock?: number;
  shippingTotal?: number;
  taxTotal?: number;
  giftCardTotal?: number;
  reservedFor?: number;
  email?: string;
} = {}) {
  const product = await createProduct({
    title: "Linen shirt",
    variants: [{ price, stock, title: "M / Blue", optionValues: ["M", "Blue"] }],
    optionNames: ["Size", "Colour"],
  });
  const variant = product.variants[0];
  const expiresAt = new Date(Date.now() + reservedFor);
  const cart = await prisma.cart.create({ data: { items: { create: { variantId: variant.id, quantity } } } });
  const checkout = await prisma.checkout.create({
    data: {
      cartId: cart.id,
      status: "placed",
      email,
      expiresAt,
      reservations: { create: { variantId: variant.id, quantity, expiresAt } },
    },
  });
  await prisma.productVariant.update({ where: { id: variant.id }, data: { stockReserved: quantity } });
  const created = await createOrder({
    email,
    status: "pending_payment",
    paymentMethod: "stripe",
    items: [{ variantId: variant.id, quantity }],
    shippingTotal,
    taxTotal,
    giftCardTotal,
  });
  const order = await prisma.order.update({
    where: { id: created.id },
    data: { checkoutId: checkout.id },
    include: { items: true },
  });
  return { order, variant, checkout, expiresAt };
}

export async function variantStock(variantId: string) {
  return prisma.productVariant.findUniqueOrThrow({
    where: { id: variantId },
    select: { stockOnHand: true, stockReserved: true },
  });
}
