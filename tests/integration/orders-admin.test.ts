// /admin/shop/orders and its detail page against the real database: search, filters (status,
// payment method, the admin's calendar days), sort and pages; marking an offline order paid,
// fulfilling (carrier and tracking required, e-mail, webhook event), delivering; each refused when
// the status does not allow it; and the CSV export holding exactly the rows the list shows.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as orderRoute from "~/routes/admin+/shop.orders.$orderId";
import * as ordersRoute from "~/routes/admin+/shop.orders._index";
import { createOrder, createProduct } from "../factories/commerce";
import { drainOutbox } from "../setup/outbox";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";
import { auditActions, createStaff, emailsTo, webhookEventTypes } from "./orders-helpers";
import { decodeUtf8, downloadAs, parseCsv } from "./reports-helpers";

type ListData = { orders: Array<{ number: string }>; total: number };
type ActionPayload = { intent: string; result?: { error?: Record<string, string[] | null> }; message?: string };

describe("admin orders", () => {
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let variantId: string;
  beforeEach(async () => {
    await resetDatabase();
    staff = await createStaff();
    variantId = (await createProduct({ variants: [{ price: 2000, stock: 50 }] })).variants[0].id;
  });

  async function list(search: string, userId = staff.adminId) {
    const result = await run(ordersRoute.loader, await getRequest(`/admin/shop/orders${search}`, { userId }));
    expect(statusOf(result)).toBe(200);
    return payloadOf<ListData>(result);
  }

  async function post(orderId: string, fields: Record<string, string>) {
    return run(orderRoute.action, await formRequest(`/admin/shop/orders/${orderId}`, fields, { userId: staff.adminId }), {
      orderId,
    });
  }

  it("searches by number, e-mail and name, filters by status, payment and day, and sorts", async () => {
    const a = await createOrder({
      email: "first@example.com",
      status: "paid",
      items: [{ variantId, quantity: 1 }],
      placedAt: new Date("2026-11-10T12:00:00Z"),
    });
    const b = await createOrder({
      email: "second@example.com",
      status: "pending_payment",
      paymentMethod: "offline",
      items: [{ variantId, quantity: 3 }],
      placedAt: new Date("2026-11-12T03:30:00Z"),
    });
    const c = await createOrder({
      email: "third@example.com",
      status: "fulfilled",
      paymentMethod: "stripe",
      items: [{ variantId, quantity: 2 }],
      placedAt: new Date("2026-11-14T12:00:00Z"),
    });
    await prisma.order.update({ where: { id: c.id }, data: { shipName: "Grace Hopper" } });

    expect((await list("")).orders.map((o) => o.number)).toEqual([c.number, b.number, a.number]);
    expect((await list(`?q=${b.number.toLowerCase()}`)).orders.map((o) => o.number)).toEqual([b.number]);
    expect((await list("?q=SECOND@")).orders.map((o) => o.number)).toEqual([b.number]);
    expect((await list("?q=hopper")).orders.map((o) => o.number)).toEqual([c.number]);
    expect((await list("?status=pending_payment")).orders.map((o) => o.number)).toEqual([b.number]);
    expect((await list("?payment=stripe")).orders.map((o) => o.number)).toEqual([c.number]);
    expect((await list("?sort=total&dir=asc")).orders.map((o) => o.number)).toEqual([a.number, c.number, b.number]);
    // the admin (UTC by default) sees b on the 12th; someone in Los Angeles sees it on the 11th
    expect((await list("?from=2026-11-12&to=2026-11-12")).orders.map((o) => o.number)).toEqual([b.number]);
    await prisma.user.update({ where: { id: staff.adminId }, data: { timeZone: "America/Los_Angeles" } });
    expect((await list("?from=2026-11-11&to=2026-11-11")).orders.map((o) => o.number)).toEqual([b.number]);
    // nonsense filters are ignored rather than failing
    expect((await list("?status=lost&from=2026-13-45&sort=evil")).total).toBe(3);
  });

  it("is refused without read:order:any", async () => {
    const result = await run(ordersRoute.loader, await getRequest("/admin/shop/orders", { userId: staff.customerId }));
    expect(statusOf(result)).toBe(403);
  });

  it("marks an offline order paid once; a Stripe order cannot be marked paid by hand", async () => {
    const offline = await createOrder({
      status: "pending_payment",
      paymentMethod: "offline",
      items: [{ variantId, quantity: 1 }],
    });
    expect(statusOf(await post(offline.id, { intent: "markPaid" }))).toBe(302);
    const paid = await prisma.order.findUniqueOrThrow({ where: { id: offline.id } });
    expect(paid.status).toBe("paid");
    expect(paid.paidAt).not.toBeNull();
    expect(await webhookEventTypes()).toContain("order.paid");

    const stripe = await createOrder({ status: "pending_payment", paymentMethod: "stripe", items: [{ variantId, quantity: 1 }] });
    const refused = await post(stripe.id, { intent: "markPaid" });
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<ActionPayload>(refused).message).toBe("Only orders paid offline can be marked paid by hand.");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: stripe.id } })).status).toBe("pending_payment");
  });

  it("fulfils with carrier and tracking (errors by the field, values checked), e-mails the customer, then delivers", async () => {
    const order = await createOrder({ status: "paid", items: [{ variantId, quantity: 1 }] });
    const missing = await post(order.id, { intent: "fulfil", carrier: "", trackingNumber: "--" });
    expect(statusOf(missing)).toBe(400);
    expect(payloadOf<ActionPayload>(missing).result?.error).toMatchObject({
      carrier: ["Enter the carrier."],
      trackingNumber: ["The tracking number can only contain letters, digits, spaces and dashes."],
    });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    expect(statusOf(await post(order.id, { intent: "deliver" }))).toBe(409);

    expect(statusOf(await post(order.id, { intent: "fulfil", carrier: " DHL ", trackingNumber: "JD0146 0000 123" }))).toBe(302);
    const fulfilled = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(fulfilled).toMatchObject({ status: "fulfilled", carrier: "DHL", trackingNumber: "JD0146 0000 123" });
    const mails = await emailsTo(order.email, "order-shipped");
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("JD0146 0000 123");
    expect(await webhookEventTypes()).toEqual(["order.fulfilled"]);

    expect(statusOf(await post(order.id, { intent: "fulfil", carrier: "UPS", trackingNumber: "1Z999" }))).toBe(409);
    expect(statusOf(await post(order.id, { intent: "tracking", carrier: "UPS", trackingNumber: "1Z999" }))).toBe(302);
    expect(statusOf(await post(order.id, { intent: "deliver" }))).toBe(302);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "delivered",
      carrier: "UPS",
    });
    expect(await auditActions(order.id)).toEqual(["order.fulfil", "order.tracking", "order.deliver"]);
  });

  it("fulfils a digital-only order without a carrier", async () => {
    const digital = await createProduct({ kind: "digital", variants: [{ price: 900, stock: 0, trackInventory: false }] });
    const order = await createOrder({ status: "paid", items: [{ variantId: digital.variants[0].id, quantity: 1 }] });
    expect(statusOf(await post(order.id, { intent: "fulfil", carrier: "", trackingNumber: "" }))).toBe(302);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "fulfilled",
      carrier: null,
    });
  });

  it("exports the same rows as the list with the same filters, amounts as decimals", async () => {
    const a = await createOrder({
      status: "paid",
      items: [{ variantId, quantity: 1 }],
      shippingTotal: 500,
      placedAt: new Date("2026-11-10T12:00:00Z"),
    });
    await createOrder({ status: "cancelled", items: [{ variantId, quantity: 1 }], placedAt: new Date("2026-11-11T12:00:00Z") });
    const c = await createOrder({
      status: "paid",
      items: [{ variantId, quantity: 2 }],
      placedAt: new Date("2026-11-12T12:00:00Z"),
    });
    const search = "?status=paid&sort=total&dir=asc";
    const listed = (await list(search)).orders.map((o) => o.number);
    expect(listed).toEqual([a.number, c.number]);

    const result = await run(
      (await import("~/routes/admin+/exports")).action,
      await formRequest(
        "/admin/exports",
        { kind: "orders", status: "paid", sort: "total", dir: "asc", tz: "UTC" },
        { userId: staff.adminId },
      ),
    );
    expect(statusOf(result)).toBe(302);
    const row = await prisma.reportExport.findFirstOrThrow({ where: { kind: "orders" } });
    await drainOutbox();
    const response = await downloadAs(staff.adminId, row.id);
    const csv = parseCsv(decodeUtf8(new Uint8Array(await response.arrayBuffer())));
    expect(csv[0].slice(0, 3)).toEqual(["Order number", "Placed at (UTC)", "Status"]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(listed);
    const totalColumn = csv[0].indexOf("Total");
    expect(csv[1][totalColumn]).toBe("25.00");
    expect(csv[2][totalColumn]).toBe("40.00");
  });
});
