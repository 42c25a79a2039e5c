// No N+1 on the storefront: the SQL statements a listing page and a product page send are counted at
// the driver (every statement Prisma sends goes through pg's Client#query) and must be a small
// constant, the same for a page of 2 products as for a full page of 24, for a product with one
// variant as for one with 12 variants, 6 images and reviews — and zero once the page is cached.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/infra/db.server";
import { loader as productLoader } from "~/routes/_public+/shop.$slug";
import { loader as listingLoader } from "~/routes/_public+/shop._index";
import { createCategory, createOrder, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { answerOf, catalogueChanged } from "./storefront-helpers";

/**
 * The most statements a storefront page may cost with a cold cache. Listing: the count, the page
 * (variants, first image and its rendition widths joined laterally), categories, collections, shop
 * settings. Product: the slug, then one batched statement per table it shows (product, variants,
 * images, renditions, category links, categories, settings, rating aggregate, reviews, authors).
 */
const LISTING_BUDGET = 5;
const PRODUCT_BUDGET = 11;

let statements: string[] = [];
beforeEach(async () => {
  await resetDatabase();
  await catalogueChanged();
});
afterEach(() => vi.restoreAllMocks());

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  statements = [];
  const original = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push(typeof first === "string" ? first : (first?.text ?? ""));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original);
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return statements.length;
}

async function addImages(productId: string, count: number) {
  for (let position = 0; position < count; position++) {
    await prisma.productImage.create({
      data: {
        productId,
        position,
        alt: `View ${position}`,
        width: 1600,
        height: 1600,
        renditions: {
          create: [160, 320, 640].map((width) => ({
            width,
            height: width,
            contentType: "image/webp",
            byteSize: 1,
            data: Buffer.from([0]),
          })),
        },
      },
    });
  }
}

describe("listing page", () => {
  const openListing = async () => answerOf(listingLoader, await getRequest("/shop?category=all-things"));

  it("costs the same small number of queries for 2 products as for 24, and none when cached", async () => {
    const category = await createCategory({ name: "All things", slug: "all-things" });
    for (let i = 0; i < 2; i++) {
      const product = await createProduct({
        categoryIds: [category.id],
        variants: [
          { price: 100, stock: 1 },
          { price: 200, stock: 0 },
        ],
      });
      await addImages(product.id, 2);
    }
    await catalogueChanged();
    const small = await countQueries(openListing);
    expect((await openListing()).payload).toBeTruthy();

    for (let i = 0; i < 30; i++) {
      const product = await createProduct({
        categoryIds: [category.id],
        variants: [
          { price: 100 + i, stock: 1 },
          { price: 900, stock: 2 },
        ],
      });
      await addImages(product.id, 2);
    }
    await catalogueChanged();
    let page: Awaited<ReturnType<typeof openListing>> | undefined;
    const full = await countQueries(async () => {
      page = await openListing();
    });
    expect((page!.payload as { listing: { items: Array<{ image: unknown }> } }).listing.items).toHaveLength(24);
    expect((page!.payload as { listing: { items: Array<{ image: unknown }> } }).listing.items.every((item) => item.image)).toBe(
      true,
    );

    expect(full).toBe(small);
    expect(full).toBeLessThanOrEqual(LISTING_BUDGET);
    expect(await countQueries(openListing)).toBe(0);
  });
});

describe("product page", () => {
  const openProduct = async (slug: string) => answerOf(productLoader, await getRequest(`/shop/${slug}`), { slug });

  it("costs the same small number of queries however many variants, images and reviews, and none when cached", async () => {
    await createProduct({ slug: "simple", variants: [{ price: 500, stock: 1 }] });
    const rich = await createProduct({
      slug: "rich",
      optionNames: ["Size", "Colour"],
      variants: ["S", "M", "L", "XL"].flatMap((size) =>
        ["Red", "Green", "Blue"].map((colour) => ({ optionValues: [size, colour], price: 1000, stock: 5 })),
      ),
      categoryIds: [(await createCategory({ name: "Shirts" })).id, (await createCategory({ name: "Sale" })).id],
    });
    await addImages(rich.id, 6);
    for (let i = 0; i < 5; i++) {
      const buyer = await createUser({ email: `buyer${i}@example.com`, name: `Buyer ${i}` });
      await createOrder({ userId: buyer.id, status: "delivered", items: [{ variantId: rich.variants[i]!.id, quantity: 1 }] });
      await prisma.productReview.create({
        data: { productId: rich.id, userId: buyer.id, rating: 4, title: `R${i}`, body: "ok", status: "approved" },
      });
    }
    await catalogueChanged();

    const simple = await countQueries(() => openProduct("simple"));
    let page: Awaited<ReturnType<typeof openProduct>> | undefined;
    const heavy = await countQueries(async () => {
      page = await openProduct("rich");
    });
    const product = (page!.payload as { product: { variants: unknown[]; images: unknown[]; reviews: unknown[] } }).product;
    expect([product.variants.length, product.images.length, product.reviews.length]).toEqual([12, 6, 5]);

    expect(heavy).toBe(simple);
    expect(heavy).toBeLessThanOrEqual(PRODUCT_BUDGET);
    expect(await countQueries(() => openProduct("rich"))).toBe(0);
  });
});
