// Twelve customers race for the last three units, with parallel requests on their own connections:
// at checkout start (reservations) and at placing the order (re-reservation after the reservations
// ran out). Exactly three win each time and the stock never goes below zero.
import { beforeEach, describe, expect, it } from "vitest";
import { placeOrder } from "~/domains/commerce/checkout/place.server";
import { saveContact } from "~/domains/commerce/checkout/current.server";
import { isDomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import * as startRoute from "~/routes/_public+/checkout";
import { createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";
import { createCart, post } from "./checkout-helpers";

beforeEach(resetDatabase);

const CUSTOMERS = 12;
const UNITS = 3;

async function racers(variantId: string) {
  return Promise.all(Array.from({ length: CUSTOMERS }, () => createCart({ items: [{ variantId, quantity: 1 }] })));
}

describe("the last units", () => {
  it("are reserved by exactly as many checkouts as there are units", async () => {
    const product = await createProduct({ title: "Limited print", kind: "digital", variants: [{ price: 5000, stock: UNITS }] });
    const variantId = product.variants[0].id;
    const carts = await racers(variantId);

    const answers = await Promise.all(
      carts.map((cart) => post(startRoute.action, "/checkout", { intent: "start" }, { cookie: cart.cookie })),
    );
    const started = answers.filter((answer) => answer.location === "/checkout");
    const refused = answers.filter((answer) => answer.location === "/cart");
    expect(started).toHaveLength(UNITS);
    expect(refused).toHaveLength(CUSTOMERS - UNITS);
    expect(await prisma.stockReservation.count()).toBe(UNITS);
    expect(await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).toMatchObject({
      stockOnHand: UNITS,
      stockReserved: UNITS,
    });
  });

  it("are sold to exactly as many orders as there are units when everyone places at once", async () => {
    const product = await createProduct({ title: "Limited print", kind: "digital", variants: [{ price: 5000, stock: UNITS }] });
    const variantId = product.variants[0].id;
    const carts = await racers(variantId);
    // Every customer got to the review page earlier, one after another, and their reservations ran
    // out (released by the sweep): now all of them place the order in the same instant.
    const checkouts = [];
    for (const cart of carts) {
      const checkout = await prisma.checkout.create({
        data: { cartId: cart.id, status: "expired", expiresAt: new Date(Date.now() - 60_000) },
      });
      await saveContact(
        checkout.id,
        { email: `racer-${checkouts.length}@example.com`, country: "US", phone: null, name: null, region: null },
        false,
      );
      checkouts.push({ checkout, cart });
    }

    const outcomes = await Promise.allSettled(
      checkouts.map(({ checkout, cart }) =>
        placeOrder({ checkoutId: checkout.id, cartId: cart.id, userId: null, paymentMethod: "offline", locale: "en" }),
      ),
    );
    const placed = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(placed).toHaveLength(UNITS);
    for (const outcome of refused) {
      expect(isDomainError(outcome.reason, "out_of_stock")).toBe(true);
    }
    expect(await prisma.order.count()).toBe(UNITS);
    expect(await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).toMatchObject({
      stockOnHand: 0,
      stockReserved: 0,
    });
    expect(await prisma.inventoryAdjustment.count({ where: { variantId, delta: -1 } })).toBe(UNITS);
  });
});
