// /shop/<slug>: the chosen variant (by options or id) with its price and stock state, JSON-LD,
// sanitized description, 404s, the product cache and HTTP caching.
import { beforeEach, describe, expect, it } from "vitest";
import { productTag } from "~/domains/commerce/cache-tags";
import type { ProductPageData } from "~/domains/commerce/storefront/product-page.server";
import { getCache } from "~/infra/cache.server";
import { prisma } from "~/infra/db.server";
import { loader } from "~/routes/_public+/shop.$slug";
import { createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { answerOf, call, catalogueChanged, statusOf } from "./storefront-helpers";

type Page = {
  product: ProductPageData;
  variantId: string;
  selected: string[];
  unavailable: boolean;
  jsonLd: string;
  canonical: string;
  viewer: string;
};

async function shirt() {
  const product = await createProduct({
    title: "Field shirt",
    slug: "field-shirt",
    optionNames: ["Size", "Colour"],
    descriptionHtml: '<p>Soft <strong>cotton</strong>.</p><script>alert("x")</script><img src=x onerror="alert(1)">',
    variants: [
      { optionValues: ["S", "Red"], price: 3000, stock: 20, sku: "SHIRT-S-RED" },
      { optionValues: ["M", "Red"], price: 3200, compareAtPrice: 4000, stock: 3, sku: "SHIRT-M-RED" },
      { optionValues: ["M", "Blue"], price: 3200, stock: 0, sku: "SHIRT-M-BLUE" },
    ],
  });
  await catalogueChanged();
  return product;
}

const open = async (search: string, options: Parameters<typeof getRequest>[1] = {}) =>
  answerOf<Page>(loader, await getRequest(`/shop/field-shirt${search}`, options), { slug: "field-shirt" });
const chosen = (page: Page) => page.product.variants.find((v) => v.id === page.variantId)!;

beforeEach(async () => {
  await resetDatabase();
  await catalogueChanged();
});

describe("product page", () => {
  it("shows the variant chosen by option values or id, with its price and stock", async () => {
    const product = await shirt();
    const byDefault = (await open("")).payload;
    expect(chosen(byDefault)).toMatchObject({ sku: "SHIRT-S-RED", price: 3000 });
    const medium = (await open("?Size=M&Colour=Red")).payload;
    expect(chosen(medium)).toMatchObject({ sku: "SHIRT-M-RED", price: 3200, compareAtPrice: 4000, stockOnHand: 3 });
    expect(medium.selected).toEqual(["M", "Red"]);
    const blue = (await open(`?variant=${product.variants[2]!.id}`)).payload;
    expect(chosen(blue)).toMatchObject({ sku: "SHIRT-M-BLUE", stockOnHand: 0 });
    const impossible = (await open("?Size=S&Colour=Blue")).payload;
    expect(impossible.unavailable).toBe(true);
    expect(impossible.selected).toEqual(["S", "Blue"]);
  });

  it("publishes JSON-LD with one offer per variant, decimal prices and availability", async () => {
    await shirt();
    const page = (await open("")).payload;
    const ld = JSON.parse(page.jsonLd);
    expect(ld).toMatchObject({ "@type": "Product", name: "Field shirt", url: page.canonical });
    expect(page.canonical).toMatch(/\/shop\/field-shirt$/);
    expect(ld.offers).toEqual([
      expect.objectContaining({
        sku: "SHIRT-S-RED",
        price: "30.00",
        priceCurrency: "USD",
        availability: "https://schema.org/InStock",
      }),
      expect.objectContaining({ sku: "SHIRT-M-RED", price: "32.00", availability: "https://schema.org/InStock" }),
      expect.objectContaining({ sku: "SHIRT-M-BLUE", price: "32.00", availability: "https://schema.org/OutOfStock" }),
    ]);
    expect(ld.description).toBe("Soft cotton.");
  });

  it("renders the description sanitized even if unsafe HTML reached the database", async () => {
    await shirt();
    const html = (await open("")).payload.product.descriptionHtml;
    expect(html).toContain("<strong>cotton</strong>");
    expect(html).not.toMatch(/<script|onerror/i);
  });

  it("answers 404 for drafts, archived and unknown products", async () => {
    await createProduct({ title: "Secret", slug: "secret", status: "draft" });
    await createProduct({ title: "Old", slug: "old", status: "archived" });
    await catalogueChanged();
    for (const slug of ["secret", "old", "never-existed", "nul\u0000byte", "x".repeat(5000)]) {
      const result = await call(loader, await getRequest(`/shop/${slug}`), { slug });
      expect(statusOf(result)).toBe(404);
    }
  });

  it("reads through the cache and refreshes when the product's tag is invalidated", async () => {
    const product = await shirt();
    const first = await open("?Size=M&Colour=Red");
    expect(first.headers.get("Cache-Control")).toMatch(/^public, max-age=30/);
    const etag = first.headers.get("ETag")!;
    expect((await open("?Size=M&Colour=Red", { headers: { "If-None-Match": etag } })).status).toBe(304);
    // Another variant is another representation.
    expect((await open("?Size=S&Colour=Red", { headers: { "If-None-Match": etag } })).status).toBe(200);

    await prisma.productVariant.update({ where: { id: product.variants[1]!.id }, data: { stockReserved: 3 } });
    expect(chosen((await open("?Size=M&Colour=Red")).payload).stockReserved).toBe(0);
    await getCache().invalidateTags([productTag(product.id)]);
    const fresh = await open("?Size=M&Colour=Red", { headers: { "If-None-Match": etag } });
    expect(fresh.status).toBe(200);
    expect(chosen(fresh.payload).stockReserved).toBe(3);
  });

  it("follows a renamed slug once the catalogue changes", async () => {
    const product = await shirt();
    await open("");
    await prisma.product.update({ where: { id: product.id }, data: { slug: "work-shirt" } });
    await catalogueChanged();
    await getCache().invalidateTags([productTag(product.id)]);
    const old = await call(loader, await getRequest("/shop/field-shirt"), { slug: "field-shirt" });
    expect(statusOf(old)).toBe(404);
    const renamed = await answerOf<Page>(loader, await getRequest("/shop/work-shirt"), { slug: "work-shirt" });
    expect(renamed.payload.product.title).toBe("Field shirt");
  });

  it("keeps a signed-in customer's page private", async () => {
    await shirt();
    const user = await createUser();
    const page = await open("", { userId: user.id });
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(page.payload.viewer).toBe("not_delivered");
    expect((await open("")).payload.viewer).toBe("anonymous");
  });
});
