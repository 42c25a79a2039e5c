// Shared by the checkout routes (server only; not a route): the cart's checkout in progress or a
// redirect to where the customer must go, the translator, and the country list.
import type { SubmissionResult } from "@conform-to/react";
import { redirect } from "@remix-run/node";
import { readCartId } from "~/domains/commerce/cart/cart.server";
import { cartRequiresShipping, findCurrentCheckout, type CurrentCheckout } from "~/domains/commerce/checkout/current.server";
import { isCountryCode } from "~/domains/commerce/shipping/countries";
import { getOptionalUser } from "~/domains/identity/guards.server";
import { i18n } from "~/infra/i18n.server";

export type Translate = Awaited<ReturnType<typeof i18n.getFixedT>>;

export function checkoutT(request: Request): Promise<Translate> {
  return i18n.getFixedT(request, "checkout");
}

export type CheckoutContext = {
  cartId: string;
  checkout: CurrentCheckout;
  requiresShipping: boolean;
  user: Awaited<ReturnType<typeof getOptionalUser>>;
};

/** The checkout in progress, or throws a redirect to the cart (no cart, or checkout not started). */
export async function requireCheckout(request: Request): Promise<CheckoutContext> {
  const cartId = await readCartId(request);
  if (!cartId) throw redirect("/cart");
  const checkout = await findCurrentCheckout(cartId);
  if (!checkout) throw redirect("/cart");
  const [requiresShipping, user] = await Promise.all([cartRequiresShipping(cartId), getOptionalUser(request)]);
  return { cartId, checkout, requiresShipping, user };
}

/** Zod messages are translation keys: turn them into sentences before they reach the page. */
export function translateResult<T extends SubmissionResult<string[]>>(result: T, t: Translate): T {
  if (!result.error) return result;
  const error: Record<string, string[] | null> = {};
  for (const [field, messages] of Object.entries(result.error)) {
    error[field] = messages ? messages.map((message) => t(message)) : null;
  }
  return { ...result, error };
}

let codes: string[] | null = null;

/** Every ISO 3166-1 country or territory, named in the viewer's language and sorted by that name. */
export function countryOptions(locale: string): Array<{ value: string; label: string }> {
  if (!codes) {
    const all: string[] = [];
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (const a of letters) for (const b of letters) if (isCountryCode(a + b)) all.push(a + b);
    // Groupings and placeholders Intl also names, which are not places to ship to.
    const notCountries = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);
    codes = all.filter((code) => !notCountries.has(code));
  }
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return codes
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export function countryLabel(code: string | null, locale: string): string {
  if (!code) return "";
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
