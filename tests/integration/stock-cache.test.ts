// The storefront caches stock state; a checkout taking the last unit, and a reservation given back,
// must show on the product page and the listing once the change commits (the outbox refresh job),
// and a rolled-back checkout must not refresh anything.
import { beforeEach, describe, expect, it } from "vitest";
import { releaseReservations, reserveStock } from "~/domains/commerce/checkout/stock.server";
import { listProducts } from "~/domains/commerce/storefront/listing.server";
import { parseShopListQuery } from "~/domains/commerce/storefront/listing-query";
import { loadProductPage } from "~/domains/commerce/storefront/product-page.server";
import { prisma } from "~/infra/db.server";
import { createProduct } from "../factories/commerce";
import { drainOutbox } from "../setup/outbox";
import { resetDatabase } from "../setup/reset";

async function sellableOnPage(slug: string) {
  const page = await loadProductPage(slug);
  const variant = page!.variants[0];
  return variant.stockOnHand - variant.stockReserved;
}

async function listedInStock(title: string) {
  const listing = await listProducts(parseShopListQuery(new URLSearchParams({ q: title })));
  return listing.items.find((item) => item.title === title)?.inStock;
}

async function checkoutFor(variantId: string, quantity: number) {
  const cart = await prisma.cart.create({ data: {} });
  return prisma.$transaction(async (tx) => {
    const checkout = await tx.checkout.create({ data: { cartId: cart.id, expiresAt: new Date(Date.now() + 900_000) } });
    await reserveStock(tx, {
      checkoutId: checkout.id,
      lines: [{ variantId, quantity, title: "Tote" }],
      expiresAt: checkout.expiresAt,
    });
    return checkout.id;
  });
}

describe("stock state on cached storefront pages", () => {
  beforeEach(resetDatabase);

  it("shows the last unit gone once a checkout reserves it, and back once the reservation is released", async () => {
    const product = await createProduct({ title: "Lonely tote", variants: [{ price: 1800, stock: 1 }] });
    expect(await sellableOnPage(product.slug)).toBe(1);
    expect(await listedInStock("Lonely tote")).toBe(true);

    const checkoutId = await checkoutFor(product.variants[0].id, 1);
    await drainOutbox();
    expect(await sellableOnPage(product.slug)).toBe(0);
    expect(await listedInStock("Lonely tote")).toBe(false);

    await prisma.$transaction((tx) => releaseReservations(tx, checkoutId));
    await drainOutbox();
    expect(await sellableOnPage(product.slug)).toBe(1);
    expect(await listedInStock("Lonely tote")).toBe(true);
  });

  it("refreshes nothing when the checkout's transaction rolls back", async () => {
    const product = await createProduct({ title: "Two mugs", variants: [{ price: 1400, stock: 2 }] });
    expect(await sellableOnPage(product.slug)).toBe(2);
    const cart = await prisma.cart.create({ data: {} });
    await expect(
      prisma.$transaction(async (tx) => {
        const checkout = await tx.checkout.create({ data: { cartId: cart.id, expiresAt: new Date(Date.now() + 900_000) } });
        await reserveStock(tx, {
          checkoutId: checkout.id,
          lines: [{ variantId: product.variants[0].id, quantity: 1, title: "Mug" }],
          expiresAt: checkout.expiresAt,
        });
        throw new Error("payment page failed");
      }),
    ).rejects.toThrow("payment page failed");
    expect(await prisma.outboxEvent.count()).toBe(0);
    expect(await sellableOnPage(product.slug)).toBe(2);
  });
});
