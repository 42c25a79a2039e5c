// Inventory: adjustments with a reason (history row, audit), never below what checkouts reserved —
// also when many adjustments race — and the low-stock view (tracked variants whose sellable
// quantity is at or below the shop's threshold).
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as variantPage from "~/routes/admin+/shop.inventory.$variantId";
import * as inventory from "~/routes/admin+/shop.inventory._index";
import { createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type Reply = { result: { error: Record<string, string[] | null> } };
type ListData = { items: Array<{ sku: string; sellable: number }>; total: number; threshold: number };

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ roles: ["commercial", "user"] })).id;
});

async function adjust(variantId: string, fields: Record<string, string>, userId = adminId) {
  return run(variantPage.action, await formRequest(`/admin/shop/inventory/${variantId}`, fields, { userId }), { variantId });
}

describe("stock adjustments", () => {
  it("adds received stock with its reason in the history and the audit log", async () => {
    const { variants } = await createProduct({ variants: [{ sku: "TEA-1", price: 900, stock: 4 }] });
    const variantId = variants[0]!.id;
    const result = await adjust(variantId, { delta: "+12", reason: "Received from supplier" });
    expect(statusOf(result)).toBe(302);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockOnHand).toBe(16);
    const [row] = await prisma.inventoryAdjustment.findMany({ where: { variantId } });
    expect(row).toMatchObject({ delta: 12, stockAfter: 16, reason: "Received from supplier", actorId: adminId });
    expect(await prisma.auditLog.count({ where: { action: "inventory.adjust", entityId: variantId } })).toBe(1);
  });

  it("refuses to go below reserved stock, zero, text and a missing reason — changing nothing", async () => {
    const { variants } = await createProduct({ variants: [{ sku: "TEA-2", price: 900, stock: 5 }] });
    const variantId = variants[0]!.id;
    await prisma.productVariant.update({ where: { id: variantId }, data: { stockReserved: 3 } });
    const below = await adjust(variantId, { delta: "-3", reason: "Damaged" });
    expect(statusOf(below)).toBe(409);
    expect(payloadOf<Reply>(below).result.error.delta?.[0]).toMatch(/reserved \(3 of 5 on hand\)/);
    for (const [fields, field, message] of [
      [{ delta: "0", reason: "x" }, "delta", /zero/],
      [{ delta: "two", reason: "x" }, "delta", /whole number/],
      [{ delta: "1.5", reason: "x" }, "delta", /whole number/],
      [{ delta: "-1", reason: " " }, "reason", /reason/],
    ] as const) {
      const result = await adjust(variantId, fields);
      expect(statusOf(result)).toBe(400);
      expect(payloadOf<Reply>(result).result.error[field]?.[0]).toMatch(message);
    }
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockOnHand).toBe(5);
    expect(await prisma.inventoryAdjustment.count()).toBe(0);
  });

  it("refuses stock above 1,000,000 by the field instead of failing on the integer column", async () => {
    const { variants } = await createProduct({ variants: [{ sku: "TEA-9", price: 900, stock: 999_999 }] });
    const variantId = variants[0]!.id;
    const refused = await adjust(variantId, { delta: "+2", reason: "Received" });
    expect(statusOf(refused)).toBe(409);
    expect(payloadOf<Reply>(refused).result.error.delta?.[0]).toMatch(/at most 1,000,000/);
    expect(statusOf(await adjust(variantId, { delta: "+1", reason: "Received" }))).toBe(302);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stockOnHand).toBe(1_000_000);
    // Stock already above the ceiling (imported before it existed) can still be counted down.
    await prisma.productVariant.update({ where: { id: variantId }, data: { stockOnHand: 2_000_000 } });
    expect(statusOf(await adjust(variantId, { delta: "-5", reason: "Count" }))).toBe(302);
  });

  it("lets exactly as many parallel removals succeed as there is unreserved stock", async () => {
    const { variants } = await createProduct({ variants: [{ sku: "TEA-3", price: 900, stock: 6 }] });
    const variantId = variants[0]!.id;
    await prisma.productVariant.update({ where: { id: variantId }, data: { stockReserved: 2 } });
    const requests = await Promise.all(
      Array.from({ length: 10 }, () =>
        formRequest(`/admin/shop/inventory/${variantId}`, { delta: "-1", reason: "Count" }, { userId: adminId }),
      ),
    );
    const results = await Promise.all(requests.map((request) => run(variantPage.action, request, { variantId })));
    expect(results.filter((r) => statusOf(r) === 302)).toHaveLength(4);
    expect(results.filter((r) => statusOf(r) === 409)).toHaveLength(6);
    const variant = await prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } });
    expect([variant.stockOnHand, variant.stockReserved]).toEqual([2, 2]);
    const rows = await prisma.inventoryAdjustment.findMany({ where: { variantId }, orderBy: { stockAfter: "desc" } });
    expect(rows.map((r) => r.stockAfter)).toEqual([5, 4, 3, 2]);
  });

  it("refuses a customer in the loader and the action", async () => {
    const { variants } = await createProduct();
    const customer = (await createUser({ roles: ["user"] })).id;
    expect(
      statusOf(
        await run(variantPage.loader, await getRequest(`/admin/shop/inventory/${variants[0]!.id}`, { userId: customer }), {
          variantId: variants[0]!.id,
        }),
      ),
    ).toBe(403);
    expect(statusOf(await adjust(variants[0]!.id, { delta: "5", reason: "x" }, customer))).toBe(403);
    expect(await prisma.inventoryAdjustment.count()).toBe(0);
  });
});

describe("low-stock view", () => {
  it("lists tracked variants at or below the threshold by sellable quantity, lowest first", async () => {
    await prisma.shopSettings.create({ data: { id: 1, lowStockThreshold: 3 } });
    await createProduct({
      title: "Teas",
      optionNames: ["Blend"],
      variants: [
        { sku: "LOW-A", optionValues: ["A"], price: 100, stock: 3 },
        { sku: "LOW-B", optionValues: ["B"], price: 100, stock: 10 },
        { sku: "OK-C", optionValues: ["C"], price: 100, stock: 4 },
        { sku: "UNTRACKED", optionValues: ["D"], price: 100, stock: 0, trackInventory: false },
      ],
    });
    await prisma.productVariant.update({ where: { sku: "LOW-B" }, data: { stockReserved: 9 } });
    const result = await run(inventory.loader, await getRequest("/admin/shop/inventory?view=low", { userId: adminId }));
    const list = payloadOf<ListData>(result);
    expect(list.threshold).toBe(3);
    expect(list.items.map((i) => [i.sku, i.sellable])).toEqual([
      ["LOW-B", 1],
      ["LOW-A", 3],
    ]);
    const searched = payloadOf<ListData>(
      await run(inventory.loader, await getRequest("/admin/shop/inventory?view=low&q=low-a", { userId: adminId })),
    );
    expect(searched.items.map((i) => i.sku)).toEqual(["LOW-A"]);
    const all = payloadOf<ListData>(await run(inventory.loader, await getRequest("/admin/shop/inventory", { userId: adminId })));
    expect(all.total).toBe(4);
  });
});
