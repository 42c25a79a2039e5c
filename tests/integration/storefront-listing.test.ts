// /shop: active products only, category (with descendants) and collection filters, full-text
// search ranked by relevance, sorts, 24 per page, the application cache and HTTP caching.
import { beforeEach, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader } from "~/routes/_public+/shop._index";
import type { Listing } from "~/domains/commerce/storefront/listing.server";
import { prisma } from "~/infra/db.server";
import { createCategory, createCollection, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { answerOf, call, catalogueChanged, statusOf } from "./storefront-helpers";

type Page = { listing: Listing; heading: string; canonical: string; query: { page: number } };

const list = async (search = "", options: Parameters<typeof getRequest>[1] = {}) =>
  answerOf<Page>(loader, await getRequest(`/shop${search}`, options));
const titles = (page: Page) => page.listing.items.map((item) => item.title);

beforeEach(async () => {
  await resetDatabase();
  await catalogueChanged();
});

describe("listing", () => {
  it("shows active products only, newest first, 24 per page", async () => {
    const start = Date.now() - 100_000;
    for (let i = 0; i < 26; i++) {
      const product = await createProduct({ title: `Active ${String(i).padStart(2, "0")}` });
      await prisma.product.update({ where: { id: product.id }, data: { publishedAt: new Date(start + i * 1000) } });
    }
    await createProduct({ title: "Draft thing", status: "draft" });
    await createProduct({ title: "Archived thing", status: "archived" });
    await catalogueChanged();

    const first = (await list()).payload;
    expect(first.listing.total).toBe(26);
    expect(first.listing.items).toHaveLength(24);
    expect(titles(first)[0]).toBe("Active 25");
    const second = (await list("?page=2")).payload;
    expect(titles(second)).toEqual(["Active 01", "Active 00"]);
    expect([...titles(first), ...titles(second)].some((t) => /Draft|Archived/.test(t))).toBe(false);
    // Past the end: the last page, not an empty one.
    expect((await list("?page=99")).payload.query.page).toBe(2);
  });

  it("filters by a category including its descendants, and by collection", async () => {
    const kitchen = await createCategory({ name: "Kitchen", slug: "kitchen" });
    const mugs = await createCategory({ name: "Mugs", slug: "mugs", parentId: kitchen.id });
    const espresso = await createCategory({ name: "Espresso cups", slug: "espresso", parentId: mugs.id });
    const garden = await createCategory({ name: "Garden", slug: "garden" });
    const summer = await createCollection({ title: "Summer", slug: "summer" });
    await createProduct({ title: "Pan", categoryIds: [kitchen.id] });
    await createProduct({ title: "Big mug", categoryIds: [mugs.id], collectionIds: [summer.id] });
    await createProduct({ title: "Tiny cup", categoryIds: [espresso.id] });
    await createProduct({ title: "Rake", categoryIds: [garden.id], collectionIds: [summer.id] });
    await catalogueChanged();

    expect(titles((await list("?category=kitchen&sort=title")).payload)).toEqual(["Big mug", "Pan", "Tiny cup"]);
    expect(titles((await list("?category=mugs&sort=title")).payload)).toEqual(["Big mug", "Tiny cup"]);
    expect(titles((await list("?collection=summer&sort=title")).payload)).toEqual(["Big mug", "Rake"]);
    const page = (await list("?category=mugs")).payload;
    expect(page.heading).toBe("Mugs");
    expect(page.listing.nav.categories.map((c) => [c.slug, c.depth])).toEqual([
      ["garden", 0],
      ["kitchen", 0],
      ["mugs", 1],
      ["espresso", 2],
    ]);
    const unknown = await call(loader, await getRequest("/shop?category=nope"));
    expect(statusOf(unknown)).toBe(404);
  });

  it("finds a category created after the category list was cached", async () => {
    await createProduct({ title: "Lonely" });
    await catalogueChanged();
    await list();
    const fresh = await createCategory({ name: "Fresh", slug: "fresh" });
    await createProduct({ title: "Fresh thing", categoryIds: [fresh.id] });
    const page = (await list("?category=fresh")).payload;
    expect(titles(page)).toEqual(["Fresh thing"]);
    expect(page.listing.nav.categories.map((c) => c.slug)).toContain("fresh");
  });

  it("searches titles and descriptions with full-text search, title matches first", async () => {
    await createProduct({ title: "Plain notebook", descriptionHtml: "<p>Paper with a <b>lantern</b> print.</p>" });
    await createProduct({ title: "Camping lantern", descriptionHtml: "<p>Bright light.</p>" });
    await createProduct({ title: "Candle", descriptionHtml: "<p>Wax.</p>" });
    await createProduct({ title: "Storm lantern", status: "draft" });
    await catalogueChanged();

    expect(titles((await list("?q=lanterns")).payload)).toEqual(["Camping lantern", "Plain notebook"]);
    expect(titles((await list("?q=lantern%20-camping")).payload)).toEqual(["Plain notebook"]);
    const none = (await list("?q=submarine")).payload;
    expect(none.listing.total).toBe(0);
    expect(none.heading).toContain("submarine");
    // Operators a visitor might type are not SQL errors.
    expect((await list(`?q=${encodeURIComponent('\'); DROP TABLE "Product"; -- & | !')}`)).status).toBe(200);
  });

  it("treats control characters in the search as spaces instead of failing (PostgreSQL refuses NUL)", async () => {
    await createProduct({ title: "Blue mug" });
    await catalogueChanged();
    const page = await list("?q=blue%00mug");
    expect(page.status).toBe(200);
    expect(page.payload.query).toMatchObject({ q: "blue mug" });
    expect(titles(page.payload)).toEqual(["Blue mug"]);
    expect((await list("?q=%00")).status).toBe(200);
  });

  it("strikes through only the cheapest variant's own former price", async () => {
    await createProduct({
      title: "Mixed",
      variants: [
        { price: 1000, stock: 1 },
        { price: 3000, compareAtPrice: 4000, stock: 1 },
      ],
    });
    await createProduct({
      title: "On sale",
      variants: [
        { price: 1500, compareAtPrice: 2000, stock: 1 },
        { price: 2500, stock: 1 },
      ],
    });
    await catalogueChanged();
    const items = (await list("?sort=title")).payload.listing.items;
    expect(items.map((item) => [item.title, item.minPrice, item.compareAtPrice, item.priceVaries])).toEqual([
      ["Mixed", 1000, null, true],
      ["On sale", 1500, 2000, true],
    ]);
  });

  it("sorts by price both ways and by name", async () => {
    await createProduct({ title: "Bravo", variants: [{ price: 3000, stock: 1 }] });
    await createProduct({
      title: "Alpha",
      variants: [
        { price: 1000, stock: 1 },
        { price: 500, stock: 1 },
      ],
    });
    await createProduct({ title: "Charlie", variants: [{ price: 2000, stock: 0 }] });
    await catalogueChanged();

    expect(titles((await list("?sort=price-asc")).payload)).toEqual(["Alpha", "Charlie", "Bravo"]);
    expect(titles((await list("?sort=price-desc")).payload)).toEqual(["Bravo", "Charlie", "Alpha"]);
    const byName = (await list("?sort=title")).payload.listing.items;
    expect(byName.map((i) => [i.title, i.minPrice, i.priceVaries, i.inStock])).toEqual([
      ["Alpha", 500, true, true],
      ["Bravo", 3000, false, true],
      ["Charlie", 2000, false, false],
    ]);
  });
});

describe("caching", () => {
  it("serves the cached listing until the catalogue changes", async () => {
    await createProduct({ title: "First" });
    await catalogueChanged();
    expect(titles((await list()).payload)).toEqual(["First"]);
    await createProduct({ title: "Second" });
    expect(titles((await list()).payload)).toEqual(["First"]);
    await catalogueChanged();
    expect(titles((await list()).payload).sort()).toEqual(["First", "Second"]);
  });

  it("gives anonymous visitors a public page with a strong ETag and answers 304 when it did not change", async () => {
    await createProduct({ title: "Lamp" });
    await catalogueChanged();
    const first = await list();
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toMatch(/^public, max-age=60, s-maxage=300/);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await list("", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect((await list("?sort=title", { headers: { "If-None-Match": etag } })).status).toBe(200);

    await createProduct({ title: "Rug" });
    await catalogueChanged();
    const changed = await list("", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("never shares a signed-in visitor's page", async () => {
    const user = await createUser();
    const page = await list("", { userId: user.id });
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    const conditional = await list("", { userId: user.id, headers: { "If-None-Match": page.headers.get("ETag")! } });
    expect(conditional.status).toBe(200);
  });

  it("does not mint a CSRF token or cookie for anonymous shop pages (root loader)", async () => {
    const rootOf = async (path: string, cookie?: string) =>
      answerOf<{ csrfToken: string | null }>(rootLoader, await getRequest(path, cookie ? { cookie } : {}));
    const shop = await rootOf("/shop?page=2");
    expect(shop.payload.csrfToken).toBeNull();
    expect(shop.headers.get("Set-Cookie")).toBeNull();
    const product = await rootOf("/shop/some-product.data");
    expect(product.payload.csrfToken).toBeNull();
    const home = await rootOf("/");
    expect(home.payload.csrfToken).toEqual(expect.any(String));
    expect(home.headers.get("Set-Cookie")).toMatch(/__csrf=/);
    const withCart = await rootOf("/shop", "__cart=abc");
    expect(withCart.payload.csrfToken).toEqual(expect.any(String));
  });
});
