// Categories (nested, no cycles, no silent delete of one in use; renaming updates the products'
// search text) and collections (ordered products) through the admin routes.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as category from "~/routes/admin+/shop.categories.$categoryId";
import * as categories from "~/routes/admin+/shop.categories._index";
import * as collection from "~/routes/admin+/shop.collections.$collectionId";
import * as collections from "~/routes/admin+/shop.collections._index";
import { createCategory, createCollection, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[] | null> } };

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ roles: ["commercial", "user"] })).id;
});

const post = async (
  mod: { action: unknown },
  path: string,
  fields: Record<string, string>,
  params: Record<string, string> = {},
  userId = adminId,
) => run(mod.action, await formRequest(path, fields, { userId }), params);

describe("categories", () => {
  it("creates nested categories with slugs from their names and refuses a taken slug", async () => {
    expect(statusOf(await post(categories, "/admin/shop/categories", { name: "Clothing", position: "0" }))).toBe(302);
    const clothing = await prisma.category.findUniqueOrThrow({ where: { slug: "clothing" } });
    expect(statusOf(await post(categories, "/admin/shop/categories", { name: "Shirts", parentId: clothing.id }))).toBe(302);
    expect((await prisma.category.findUniqueOrThrow({ where: { slug: "shirts" } })).parentId).toBe(clothing.id);
    const taken = await post(categories, "/admin/shop/categories", { name: "Other", slug: "shirts" });
    expect(statusOf(taken)).toBe(409);
    expect(payloadOf<Reply>(taken).result.error.slug?.[0]).toMatch(/already in use/);
    expect(await prisma.category.count()).toBe(2);
  });

  it("refuses moving a category under its own subcategory", async () => {
    const top = await createCategory({ name: "Top", slug: "top" });
    const middle = await createCategory({ name: "Middle", slug: "middle", parentId: top.id });
    const leaf = await createCategory({ name: "Leaf", slug: "leaf", parentId: middle.id });
    const result = await post(
      category,
      `/admin/shop/categories/${top.id}`,
      { intent: "save", name: "Top", slug: "top", parentId: leaf.id },
      { categoryId: top.id },
    );
    expect(statusOf(result)).toBe(409);
    expect(payloadOf<Reply>(result).result.error.parentId?.[0]).toMatch(/inside itself/);
    expect((await prisma.category.findUniqueOrThrow({ where: { id: top.id } })).parentId).toBeNull();
  });

  it("refuses deleting a category with subcategories or products, saying how many", async () => {
    const parent = await createCategory({ name: "Parent", slug: "parent" });
    await createCategory({ name: "Child", slug: "child", parentId: parent.id });
    await createProduct({ categoryIds: [parent.id] });
    const result = await post(category, `/admin/shop/categories/${parent.id}`, { intent: "delete" }, { categoryId: parent.id });
    expect(statusOf(result)).toBe(409);
    expect(payloadOf<{ message: string }>(result).message).toBe(
      "This category still has 1 subcategory and 1 product. Move them elsewhere first.",
    );
    expect(await prisma.category.count({ where: { id: parent.id } })).toBe(1);
    const empty = await createCategory({ name: "Empty", slug: "empty" });
    expect(
      statusOf(await post(category, `/admin/shop/categories/${empty.id}`, { intent: "delete" }, { categoryId: empty.id })),
    ).toBe(302);
    expect(await prisma.category.count({ where: { id: empty.id } })).toBe(0);
  });

  it("renaming a category updates its products' search text", async () => {
    const cat = await createCategory({ name: "Mugs", slug: "mugs" });
    const product = await createProduct({ categoryIds: [cat.id] });
    await post(
      category,
      `/admin/shop/categories/${cat.id}`,
      { intent: "save", name: "Stoneware cups", slug: "mugs" },
      { categoryId: cat.id },
    );
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).searchText).toContain("Stoneware cups");
  });

  it("refuses a customer", async () => {
    const customer = (await createUser({ roles: ["user"] })).id;
    expect(statusOf(await run(categories.loader, await getRequest("/admin/shop/categories", { userId: customer })))).toBe(403);
    expect(statusOf(await post(categories, "/admin/shop/categories", { name: "X" }, {}, customer))).toBe(403);
    expect(await prisma.category.count()).toBe(0);
  });
});

describe("collections", () => {
  it("creates a collection, adds products by slug in order, moves and removes them", async () => {
    const created = await post(collections, "/admin/shop/collections", { title: "Summer picks", isPublished: "on" });
    expect(statusOf(created)).toBe(302);
    const summer = await prisma.collection.findUniqueOrThrow({ where: { slug: "summer-picks" } });
    const path = `/admin/shop/collections/${summer.id}`;
    const [a, b, c] = [
      await createProduct({ slug: "alpha" }),
      await createProduct({ slug: "beta" }),
      await createProduct({ slug: "gamma" }),
    ];
    for (const slug of ["alpha", "beta", "gamma"])
      await post(collection, path, { intent: "add", product: slug }, { collectionId: summer.id });
    const order = async () =>
      (await prisma.collectionProduct.findMany({ where: { collectionId: summer.id }, orderBy: { position: "asc" } })).map((r) => [
        r.productId,
        r.position,
      ]);
    expect(await order()).toEqual([
      [a.id, 0],
      [b.id, 1],
      [c.id, 2],
    ]);
    await post(collection, path, { intent: "up", productId: c.id }, { collectionId: summer.id });
    expect(await order()).toEqual([
      [a.id, 0],
      [c.id, 1],
      [b.id, 2],
    ]);
    await post(collection, path, { intent: "remove", productId: a.id }, { collectionId: summer.id });
    expect(await order()).toEqual([
      [c.id, 0],
      [b.id, 1],
    ]);
    const unknown = await post(collection, path, { intent: "add", product: "nope" }, { collectionId: summer.id });
    expect(statusOf(unknown)).toBe(409);
    expect(payloadOf<Reply>(unknown).result.error.product?.[0]).toBe("No product has this slug.");
  });

  it("deletes a collection without touching its products", async () => {
    const product = await createProduct();
    const col = await createCollection({ title: "Gone", slug: "gone" });
    await prisma.collectionProduct.create({ data: { collectionId: col.id, productId: product.id } });
    expect(
      statusOf(await post(collection, `/admin/shop/collections/${col.id}`, { intent: "delete" }, { collectionId: col.id })),
    ).toBe(302);
    expect(await prisma.collection.count()).toBe(0);
    expect(await prisma.product.count({ where: { id: product.id } })).toBe(1);
  });
});

describe("slug races", () => {
  it("lets one of two simultaneous categories with one slug through and tells the other the slug is taken", async () => {
    const results = await Promise.all(
      ["A", "B"].map((name) => post(categories, "/admin/shop/categories", { name, slug: "same" })),
    );
    expect(results.map(statusOf).sort()).toEqual([302, 409]);
    expect(await prisma.category.count()).toBe(1);
  });
});
