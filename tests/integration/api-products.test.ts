// /api/v1/products against the real database: scopes and the owner's permissions, filters,
// cursor pages, sparse fields, creation through the catalogue (idempotent, refusals on fields)
// and PATCH with If-Match.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as productRoute from "~/routes/api+/v1.products.$productId";
import * as productsRoute from "~/routes/api+/v1.products._index";
import { createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";
import { callApi, keyFor } from "./api-helpers";

type Product = {
  id: string;
  title: string;
  status: string;
  slug: string;
  min_price: number;
  variants: Array<{ sku: string; price: number; available: number | null }>;
};
type List = { data: Product[]; next_cursor: string | null };

describe("/api/v1/products", () => {
  let key: string;
  beforeEach(async () => {
    await resetDatabase();
    key = (await keyFor({ roles: ["commercial"], scopes: ["products:read", "products:write"] })).key;
  });

  it("lists products of every status newest first, filters by status and text, and pages with a cursor", async () => {
    await createProduct({ title: "Blue mug", status: "draft", variants: [{ sku: "MUG-BLUE", price: 900, stock: 2 }] });
    await createProduct({ title: "Red shirt", status: "active", variants: [{ sku: "SHIRT-RED", price: 2500, stock: 1 }] });
    await createProduct({ title: "Old hat", status: "archived", variants: [{ price: 1500, stock: 0 }] });

    const all = (await (await callApi(productsRoute, "/api/v1/products", { key })).json()) as List;
    expect(all.data.map((p) => p.title)).toEqual(["Old hat", "Red shirt", "Blue mug"]);
    expect(all.data[1].variants).toEqual([expect.objectContaining({ sku: "SHIRT-RED", price: 2500, available: 1 })]);

    const active = (await (await callApi(productsRoute, "/api/v1/products?status=active", { key })).json()) as List;
    expect(active.data.map((p) => p.title)).toEqual(["Red shirt"]);
    const bySku = (await (await callApi(productsRoute, "/api/v1/products?q=mug-blue", { key })).json()) as List;
    expect(bySku.data.map((p) => p.title)).toEqual(["Blue mug"]);

    const page1 = (await (await callApi(productsRoute, "/api/v1/products?limit=2&fields=title", { key })).json()) as List;
    expect(page1.data).toEqual([
      { id: expect.any(String), title: "Old hat" },
      { id: expect.any(String), title: "Red shirt" },
    ]);
    const page2 = (await (
      await callApi(productsRoute, `/api/v1/products?limit=2&fields=title&cursor=${page1.next_cursor}`, { key })
    ).json()) as List;
    expect(page2).toEqual({ data: [{ id: expect.any(String), title: "Blue mug" }], next_cursor: null });
  });

  it("needs products:read, and its owner must still hold read:shop:any", async () => {
    const usersOnly = (await keyFor({ roles: ["admin"], scopes: ["users:read"] })).key;
    const denied = await callApi(productsRoute, "/api/v1/products", { key: usersOnly });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ scope: "products:read" });
    expect((await callApi(productsRoute, "/api/v1/products")).status).toBe(401);
  });

  it("creates a product through the catalogue, once per Idempotency-Key, with refusals on fields", async () => {
    const body = {
      title: "Linen shirt",
      status: "active",
      option_names: ["Size"],
      variants: [
        { sku: "LIN-S", option_values: ["S"], price: 3000, stock_on_hand: 4 },
        { sku: "LIN-M", option_values: ["M"], price: 3200, stock_on_hand: 2 },
      ],
    };
    const headers = { "Idempotency-Key": "create-linen" };
    const created = await callApi(productsRoute, "/api/v1/products", { method: "POST", key, body, headers });
    expect(created.status).toBe(201);
    const product = (await created.json()) as Product;
    expect(product).toMatchObject({ title: "Linen shirt", slug: "linen-shirt", status: "active", min_price: 3000 });
    expect(created.headers.get("Location")).toBe(`/api/v1/products/${product.id}`);
    const replay = await callApi(productsRoute, "/api/v1/products", { method: "POST", key, body, headers });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await prisma.product.count()).toBe(1);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { sku: "LIN-M" } })).stockOnHand).toBe(2);

    const taken = await callApi(productsRoute, "/api/v1/products", {
      method: "POST",
      key,
      body: { ...body, title: "Other", variants: [{ sku: "LIN-S", option_values: ["S"], price: 100 }] },
    });
    expect(taken.status).toBe(422);
    expect(await taken.json()).toMatchObject({ errors: [{ field: "variants", code: "sku_taken" }] });
    const badOptions = await callApi(productsRoute, "/api/v1/products", {
      method: "POST",
      key,
      body: { title: "Bad", option_names: ["Size"], variants: [{ sku: "BAD-1", price: 100 }] },
    });
    expect(badOptions.status).toBe(422);
    expect(await badOptions.json()).toMatchObject({ errors: [{ field: "variants", code: "invalid_options" }] });
    const negative = await callApi(productsRoute, "/api/v1/products", {
      method: "POST",
      key,
      body: { title: "Free money", variants: [{ sku: "NEG-1", price: -5 }] },
    });
    expect(negative.status).toBe(422);
    expect(await prisma.product.count()).toBe(1);
  });

  it("PATCH changes only what is sent, and If-Match refuses a stale change with 412", async () => {
    const product = await createProduct({ title: "Mug", status: "draft", variants: [{ sku: "MUG-1", price: 900, stock: 3 }] });
    const url = `/api/v1/products/${product.id}`;
    const params = { productId: product.id };
    const etag = (await callApi(productRoute, url, { key, params })).headers.get("ETag")!;
    const ok = await callApi(productRoute, url, {
      method: "PATCH",
      key,
      params,
      body: { status: "active" },
      headers: { "If-Match": etag },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "active", title: "Mug", variants: [{ sku: "MUG-1", price: 900 }] });
    const stale = await callApi(productRoute, url, {
      method: "PATCH",
      key,
      params,
      body: { title: "Cup" },
      headers: { "If-Match": etag },
    });
    expect(stale.status).toBe(412);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).title).toBe("Mug");
    const readOnly = (await keyFor({ roles: ["commercial"], scopes: ["products:read"] })).key;
    const denied = await callApi(productRoute, url, { method: "PATCH", key: readOnly, params, body: { title: "Cup" } });
    expect(denied.status).toBe(403);
    expect((await callApi(productRoute, "/api/v1/products/nope", { key, params: { productId: "nope" } })).status).toBe(404);
  });
});
