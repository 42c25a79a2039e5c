// Shared by the checkout integration tests: a cart with its cookie, and a checkout driven through
// its steps by the real route actions.
import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import { expect } from "vitest";
import * as startRoute from "~/routes/_public+/checkout";
import * as shippingRoute from "~/routes/_public+/checkout_.shipping";
import * as reviewRoute from "~/routes/_public+/checkout_.review";
import { cartCookie } from "~/domains/commerce/cart/cart.server";
import { prisma } from "~/infra/db.server";
import { context, formRequest, getRequest, settle } from "../setup/requests";

export async function createCart({
  items,
  userId = null,
  discountCode = null,
  giftCardCodes = [],
}: {
  items: Array<{ variantId: string; quantity: number }>;
  userId?: string | null;
  discountCode?: string | null;
  giftCardCodes?: string[];
}) {
  const cart = await prisma.cart.create({
    data: { userId, discountCode, giftCardCodes, items: { create: items } },
  });
  const cookie = (await cartCookie.serialize(cart.id)).split(";")[0];
  return { id: cart.id, cookie };
}

export const ADDRESS = {
  email: "Ada@Example.com",
  name: "Ada Lovelace",
  line1: "1 Main St",
  city: "Springfield",
  region: "il",
  postalCode: "62701",
  country: "US",
  phone: "",
};

export type Answer = { status: number; location: string | null; data: Record<string, unknown>; headers: Headers };

function toAnswer(result: unknown): Answer {
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), data: {}, headers: result.headers };
  }
  const wrapped = result as { data?: Record<string, unknown>; init?: { status?: number; headers?: HeadersInit } | null };
  if (wrapped && typeof wrapped === "object" && "data" in wrapped && "init" in wrapped) {
    return {
      status: wrapped.init?.status ?? 200,
      location: null,
      data: wrapped.data ?? {},
      headers: new Headers(wrapped.init?.headers),
    };
  }
  return { status: 200, location: null, data: (result ?? {}) as Record<string, unknown>, headers: new Headers() };
}

/** POSTs a form (with a valid CSRF token) to a route action. */
export async function post(
  action: ActionFunction,
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; userId?: string; params?: Record<string, string> } = {},
): Promise<Answer> {
  const request = await formRequest(path, fields, options);
  const result = await settle(() => action({ request, params: options.params ?? {}, context: context() }) as Promise<unknown>);
  return toAnswer(result);
}

/** GETs a route loader. */
export async function get(
  loader: LoaderFunction,
  path: string,
  options: { cookie?: string; userId?: string; params?: Record<string, string> } = {},
): Promise<Answer> {
  const request = await getRequest(path, options);
  const result = await settle(() => loader({ request, params: options.params ?? {}, context: context() }) as Promise<unknown>);
  return toAnswer(result);
}

type Visitor = { cookie?: string; userId?: string };

/**
 * Walks a cart's checkout to the review page: start, contact details (ADDRESS), the first shipping
 * method; each step must redirect to the next.
 */
export async function walkToReview(cookie: string, options: { userId?: string } = {}) {
  const started = await post(startRoute.action, "/checkout", { intent: "start" }, { cookie, ...options });
  expect(started).toMatchObject({ status: 303, location: "/checkout" });
  const contact = await post(startRoute.action, "/checkout", { intent: "contact", ...ADDRESS }, { cookie, ...options });
  expect(contact).toMatchObject({ status: 303, location: "/checkout/shipping" });
  const method = await prisma.shippingMethod.findFirstOrThrow();
  const shipping = await post(
    shippingRoute.action,
    "/checkout/shipping",
    { shippingMethodId: method.id },
    { cookie, ...options },
  );
  expect(shipping).toMatchObject({ status: 303, location: "/checkout/review" });
}

/** Presses "Place order" on the review page with the chosen payment method. */
export function placeOrder(visitor: Visitor, paymentMethod: "offline" | "stripe"): Promise<Answer> {
  return post(reviewRoute.action, "/checkout/review", { intent: "place", paymentMethod }, visitor);
}
