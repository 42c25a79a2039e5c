// The Stripe client, or null when no secret key is configured (the shop then offers the offline
// method only). STRIPE_API_BASE points the SDK at another origin: tests run a local fake Stripe.
import Stripe from "stripe";
import { getEnv, type Env } from "~/infra/env.server";

let client: Stripe | null | undefined;

export function isStripeConfigured(): boolean {
  return Boolean(getEnv().STRIPE_SECRET_KEY);
}

export function getStripe(): Stripe | null {
  if (client !== undefined) return client;
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) return (client = null);
  const base = new URL(env.STRIPE_API_BASE);
  const protocol = base.protocol === "http:" ? "http" : "https";
  client = new Stripe(env.STRIPE_SECRET_KEY, {
    host: base.hostname,
    port: Number(base.port || (protocol === "http" ? 80 : 443)),
    protocol,
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Verso" },
  });
  return client;
}

/**
 * Origins the "Place order and pay" form is redirected to (the CSP's form-action must allow them, or
 * Chrome refuses the redirect): Stripe Checkout's hosted page, or the fake Stripe tests point at.
 */
export function stripeRedirectOrigins(env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE"> = getEnv()): string[] {
  if (!env.STRIPE_SECRET_KEY) return [];
  const api = new URL(env.STRIPE_API_BASE).origin;
  return api === "https://api.stripe.com" ? ["https://checkout.stripe.com"] : [api];
}

/** Tests change STRIPE_* between cases; production never calls this. */
export function resetStripeClientForTests(): void {
  client = undefined;
}
