// /api/v1/orders against the real database: scopes, filters (status, since), cursor pages, one
// order with items, and PATCH for fulfilment and delivery through the status machine (e-mail,
// webhook event, audit), with If-Match and refusals on fields.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as orderRoute from "~/routes/api+/v1.orders.$orderId";
import * as ordersRoute from "~/routes/api+/v1.orders._index";
import { createOrder, createProduct } from "../factories/commerce";
import { resetDatabase } from "../setup/reset";
import { callApi, keyFor } from "./api-helpers";
import { auditActions, emailsTo, webhookEventTypes } from "./orders-helpers";

type Order = {
  id: string;
  number: string;
  status: string;
  items: Array<{ sku: string; quantity: number }>;
  carrier: string | null;
};
type List = { data: Order[]; next_cursor: string | null };

describe("/api/v1/orders", () => {
  let key: string;
  let variantId: string;
  beforeEach(async () => {
    await resetDatabase();
    key = (await keyFor({ roles: ["commercial"], scopes: ["orders:read", "orders:write"] })).key;
    variantId = (await createProduct({ variants: [{ sku: "API-ORD-1", price: 1500, stock: 10 }] })).variants[0].id;
  });

  it("lists orders newest first with items, filtered by status and since, in cursor pages", async () => {
    const day = 24 * 3600_000;
    const old = await createOrder({
      status: "delivered",
      items: [{ variantId, quantity: 1 }],
      placedAt: new Date(Date.now() - 3 * day),
    });
    const mid = await createOrder({ status: "paid", items: [{ variantId, quantity: 2 }], placedAt: new Date(Date.now() - day) });
    const recent = await createOrder({ status: "paid", items: [{ variantId, quantity: 3 }] });

    const all = (await (await callApi(ordersRoute, "/api/v1/orders", { key })).json()) as List;
    expect(all.data.map((o) => o.number)).toEqual([recent.number, mid.number, old.number]);
    expect(all.data[0].items).toEqual([expect.objectContaining({ sku: "API-ORD-1", quantity: 3 })]);

    const paid = (await (await callApi(ordersRoute, "/api/v1/orders?status=paid", { key })).json()) as List;
    expect(paid.data.map((o) => o.number)).toEqual([recent.number, mid.number]);
    const since = new Date(Date.now() - 2 * day).toISOString();
    const lately = (await (await callApi(ordersRoute, `/api/v1/orders?since=${since}`, { key })).json()) as List;
    expect(lately.data.map((o) => o.number)).toEqual([recent.number, mid.number]);

    const first = (await (await callApi(ordersRoute, "/api/v1/orders?limit=2&fields=number", { key })).json()) as List;
    expect(first.data).toEqual([
      { id: recent.id, number: recent.number },
      { id: mid.id, number: mid.number },
    ]);
    const second = (await (
      await callApi(ordersRoute, `/api/v1/orders?limit=2&fields=number&cursor=${first.next_cursor}`, { key })
    ).json()) as List;
    expect(second).toEqual({ data: [{ id: old.id, number: old.number }], next_cursor: null });
    expect((await callApi(ordersRoute, "/api/v1/orders?status=lost", { key })).status).toBe(422);
  });

  it("needs orders:read; a key of someone without read:order:any is refused", async () => {
    const productsOnly = (await keyFor({ roles: ["commercial"], scopes: ["products:read"] })).key;
    expect((await callApi(ordersRoute, "/api/v1/orders", { key: productsOnly })).status).toBe(403);
    expect((await callApi(ordersRoute, "/api/v1/orders")).status).toBe(401);
  });

  it("PATCH fulfils a paid order (carrier and tracking required), then delivers it", async () => {
    const order = await createOrder({ status: "paid", items: [{ variantId, quantity: 1 }] });
    const url = `/api/v1/orders/${order.id}`;
    const params = { orderId: order.id };
    const patch = (body: unknown, headers: Record<string, string> = {}) =>
      callApi(orderRoute, url, { method: "PATCH", key, params, body, headers });

    const missing = await patch({ status: "fulfilled" });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual([
      "carrier",
      "tracking_number",
    ]);
    const early = await patch({ status: "delivered" });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ errors: [{ field: "status", code: "invalid_transition" }] });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");

    const etag = (await callApi(orderRoute, url, { key, params })).headers.get("ETag")!;
    const shipped = await patch({ status: "fulfilled", carrier: "UPS", tracking_number: "1Z 999 AA1" }, { "If-Match": etag });
    expect(shipped.status).toBe(200);
    expect(await shipped.json()).toMatchObject({ status: "fulfilled", carrier: "UPS", tracking_number: "1Z 999 AA1" });
    expect(await emailsTo(order.email, "order-shipped")).toHaveLength(1);
    expect(await webhookEventTypes()).toEqual(["order.fulfilled"]);

    const stale = await patch({ status: "delivered" }, { "If-Match": etag });
    expect(stale.status).toBe(412);
    const delivered = await patch({ status: "delivered" });
    expect(await delivered.json()).toMatchObject({ status: "delivered" });
    expect(await auditActions(order.id)).toEqual(["order.fulfil", "order.deliver"]);
  });

  it("three clients fulfilling at once: one fulfils (one e-mail, one event), the others only set tracking", async () => {
    const order = await createOrder({ status: "paid", items: [{ variantId, quantity: 1 }] });
    const params = { orderId: order.id };
    const results = await Promise.all(
      ["DHL", "UPS", "FedEx"].map((carrier) =>
        callApi(orderRoute, `/api/v1/orders/${order.id}`, {
          method: "PATCH",
          key,
          params,
          body: { status: "fulfilled", carrier, tracking_number: "TRACK-123" },
        }),
      ),
    );
    // the first fulfils; later ones find it fulfilled and only set the same tracking (no second e-mail)
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await emailsTo(order.email, "order-shipped")).toHaveLength(1);
    expect(await webhookEventTypes()).toEqual(["order.fulfilled"]);
  });

  it("a read-only key cannot PATCH, and an unknown order is 404", async () => {
    const readOnly = (await keyFor({ roles: ["commercial"], scopes: ["orders:read"] })).key;
    const order = await createOrder({ status: "paid", items: [{ variantId, quantity: 1 }] });
    const denied = await callApi(orderRoute, `/api/v1/orders/${order.id}`, {
      method: "PATCH",
      key: readOnly,
      params: { orderId: order.id },
      body: { status: "delivered" },
    });
    expect(denied.status).toBe(403);
    expect((await callApi(orderRoute, "/api/v1/orders/nope", { key, params: { orderId: "nope" } })).status).toBe(404);
  });
});
