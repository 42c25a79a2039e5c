// The cart's checkout in progress and the answers of its steps (contact, shipping method).
import { DomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { shippingOptionsFor } from "../shipping/lookup.server";
import { normaliseRegion } from "../taxes/lookup.server";
import type { ContactInput } from "./contact-schema";

const select = {
  id: true,
  cartId: true,
  userId: true,
  status: true,
  email: true,
  shipName: true,
  shipLine1: true,
  shipLine2: true,
  shipCity: true,
  shipRegion: true,
  shipPostalCode: true,
  shipCountry: true,
  phone: true,
  shippingMethodId: true,
  expiresAt: true,
  order: { select: { id: true, number: true } },
} as const;

export type CurrentCheckout = NonNullable<Awaited<ReturnType<typeof findCurrentCheckout>>>;

/**
 * The cart's latest checkout when it is not placed yet (open, or expired: placing re-reserves), else
 * null: once the latest one became an order, the earlier ones it replaced are history too.
 */
export async function findCurrentCheckout(cartId: string) {
  const latest = await prisma.checkout.findFirst({
    where: { cartId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select,
  });
  return latest && latest.status !== "placed" ? latest : null;
}

/** True when something in the cart ships (physical product). */
export async function cartRequiresShipping(cartId: string): Promise<boolean> {
  const physical = await prisma.cartItem.count({ where: { cartId, variant: { product: { kind: "physical" } } } });
  return physical > 0;
}

export async function saveContact(checkoutId: string, input: ContactInput, requiresShipping: boolean): Promise<void> {
  const current = await prisma.checkout.findUnique({ where: { id: checkoutId }, select: { shipCountry: true, status: true } });
  if (!current || current.status === "placed") throw new DomainError("not_found", "No checkout in progress.");
  await prisma.checkout.update({
    where: { id: checkoutId },
    data: {
      email: input.email,
      shipName: input.name,
      shipLine1: requiresShipping ? (input.line1 ?? null) : null,
      shipLine2: requiresShipping ? (input.line2 ?? null) : null,
      shipCity: requiresShipping ? (input.city ?? null) : null,
      shipPostalCode: requiresShipping ? (input.postalCode ?? null) : null,
      shipRegion: input.region ? normaliseRegion(input.region) : null,
      shipCountry: input.country,
      phone: input.phone,
      // Another country may have other methods: choose again.
      ...(current.shipCountry !== input.country ? { shippingMethodId: null } : {}),
    },
  });
}

/** Throws `shipping_unavailable` when the method does not serve the checkout's country. */
export async function saveShippingMethod(checkoutId: string, shippingMethodId: string): Promise<void> {
  const checkout = await prisma.checkout.findUnique({ where: { id: checkoutId }, select: { shipCountry: true, status: true } });
  if (!checkout || checkout.status === "placed") throw new DomainError("not_found", "No checkout in progress.");
  const options = checkout.shipCountry ? await shippingOptionsFor(checkout.shipCountry) : [];
  if (!options.some((option) => option.id === shippingMethodId)) {
    throw new DomainError("shipping_unavailable", "This shipping method does not deliver to your address.");
  }
  await prisma.checkout.update({ where: { id: checkoutId }, data: { shippingMethodId } });
}

/** The steps a checkout still misses, in order: where the customer is sent back to. */
export function missingStep(
  checkout: Pick<CurrentCheckout, "email" | "shipCountry" | "shipLine1" | "shippingMethodId">,
  requiresShipping: boolean,
): "contact" | "shipping" | null {
  if (!checkout.email || !checkout.shipCountry || (requiresShipping && !checkout.shipLine1)) return "contact";
  if (requiresShipping && !checkout.shippingMethodId) return "shipping";
  return null;
}
