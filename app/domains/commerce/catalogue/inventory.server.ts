// Stock adjustments with a reason (received, shrinkage, count correction) and the inventory lists.
// One conditional UPDATE per adjustment: stockOnHand never drops below what open checkouts have
// reserved (nor below zero), however many people adjust or check out at once.
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import { invalidateCatalogue, type CatalogueActor } from "./catalogue-cache.server";
import { MAX_STOCK } from "./product-input";

export { MAX_ADJUSTMENT } from "./inventory-limits";
import { MAX_ADJUSTMENT } from "./inventory-limits";
export const INVENTORY_PAGE_SIZE = 50;

export async function adjustStock(
  input: { variantId: string; delta: number; reason: string },
  actor: CatalogueActor,
): Promise<{ stockOnHand: number; stockReserved: number }> {
  const reason = input.reason.trim();
  if (!Number.isSafeInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > MAX_ADJUSTMENT) {
    throw new DomainError("invalid_delta", "The change must be a whole number other than zero");
  }
  if (!reason) throw new DomainError("reason_required", "Give a reason for the change");
  const result = await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ productId: string; stockOnHand: number; stockReserved: number }>>`
      UPDATE "ProductVariant"
      SET "stockOnHand" = "stockOnHand" + ${input.delta}, "updatedAt" = now()
      WHERE "id" = ${input.variantId} AND "stockOnHand" + ${input.delta} >= "stockReserved" AND "stockOnHand" + ${input.delta} >= 0
        AND (${input.delta} < 0 OR "stockOnHand" + ${input.delta} <= ${MAX_STOCK})
      RETURNING "productId", "stockOnHand", "stockReserved"`;
    const row = rows[0];
    if (!row) {
      const variant = await tx.productVariant.findUnique({
        where: { id: input.variantId },
        select: { stockOnHand: true, stockReserved: true },
      });
      if (!variant) throw new DomainError("not_found", "This variant does not exist", { entity: "variant" });
      // The same ceiling as a product's stock field (and far below the integer column's limit).
      if (input.delta > 0 && variant.stockOnHand + input.delta > MAX_STOCK)
        throw new DomainError("stock_too_high", "Stock on hand is at most 1,000,000", { max: MAX_STOCK });
      throw new DomainError("below_reserved", "Stock cannot go below what is reserved by open checkouts", {
        stockOnHand: variant.stockOnHand,
        stockReserved: variant.stockReserved,
      });
    }
    await tx.inventoryAdjustment.create({
      data: {
        variantId: input.variantId,
        delta: input.delta,
        stockAfter: row.stockOnHand,
        reason: reason.slice(0, 200),
        actorId: actor.actorId,
      },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "inventory.adjust",
        entityType: "variant",
        entityId: input.variantId,
        before: { stockOnHand: row.stockOnHand - input.delta },
        after: { stockOnHand: row.stockOnHand, delta: input.delta, reason },
      },
      tx,
    );
    return row;
  });
  await invalidateCatalogue([result.productId]);
  return { stockOnHand: result.stockOnHand, stockReserved: result.stockReserved };
}

export type InventoryQuery = { q: string; view: "all" | "low"; page: number };

export function parseInventoryQuery(params: URLSearchParams): InventoryQuery {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    view: params.get("view") === "low" ? "low" : "all",
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

type InventoryRow = {
  id: string;
  sku: string;
  title: string;
  productId: string;
  productTitle: string;
  trackInventory: boolean;
  stockOnHand: number;
  stockReserved: number;
  sellable: number;
};

const rowSelect = {
  id: true,
  sku: true,
  title: true,
  trackInventory: true,
  stockOnHand: true,
  stockReserved: true,
  product: { select: { id: true, title: true } },
} as const;

function toRow(r: Prisma.ProductVariantGetPayload<{ select: typeof rowSelect }>): InventoryRow {
  return {
    id: r.id,
    sku: r.sku,
    title: r.title,
    productId: r.product.id,
    productTitle: r.product.title,
    trackInventory: r.trackInventory,
    stockOnHand: r.stockOnHand,
    stockReserved: r.stockReserved,
    sellable: r.stockOnHand - r.stockReserved,
  };
}

function pageOf(requested: number, total: number) {
  return Math.min(requested, Math.max(1, Math.ceil(total / INVENTORY_PAGE_SIZE)));
}

/**
 * Variants with their stock. The low view is tracked variants whose sellable quantity
 * (on hand − reserved) is at or below the shop's low-stock threshold, lowest first.
 */
export async function listInventory(query: InventoryQuery) {
  const settings = await getShopSettings();
  if (query.view === "low")
    return { ...(await listLowStock(query, settings.lowStockThreshold)), threshold: settings.lowStockThreshold };
  const where: Prisma.ProductVariantWhereInput = query.q
    ? {
        OR: [
          { sku: { contains: query.q, mode: "insensitive" } },
          { title: { contains: query.q, mode: "insensitive" } },
          { product: { title: { contains: query.q, mode: "insensitive" } } },
        ],
      }
    : {};
  const total = await prisma.productVariant.count({ where });
  const page = pageOf(query.page, total);
  const rows = await prisma.productVariant.findMany({
    where,
    orderBy: [{ product: { title: "asc" } }, { productId: "asc" }, { position: "asc" }],
    skip: (page - 1) * INVENTORY_PAGE_SIZE,
    take: INVENTORY_PAGE_SIZE,
    select: rowSelect,
  });
  return { items: rows.map(toRow), total, page, pageSize: INVENTORY_PAGE_SIZE, threshold: settings.lowStockThreshold };
}

// Sellable compares two columns, so the low view filters and orders in SQL, then loads the page.
async function listLowStock(query: InventoryQuery, threshold: number) {
  const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const search = query.q
    ? Prisma.sql`AND (v."sku" ILIKE ${like} OR v."title" ILIKE ${like} OR p."title" ILIKE ${like})`
    : Prisma.empty;
  const [{ count }] = await prisma.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS "count" FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId"
    WHERE v."trackInventory" AND v."stockOnHand" - v."stockReserved" <= ${threshold} ${search}`;
  const page = pageOf(query.page, count);
  const ids = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT v."id" FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId"
    WHERE v."trackInventory" AND v."stockOnHand" - v."stockReserved" <= ${threshold} ${search}
    ORDER BY v."stockOnHand" - v."stockReserved" ASC, v."sku" ASC
    LIMIT ${INVENTORY_PAGE_SIZE} OFFSET ${(page - 1) * INVENTORY_PAGE_SIZE}`;
  const rows = await prisma.productVariant.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: rowSelect });
  const byId = new Map(rows.map((r) => [r.id, toRow(r)]));
  const items = ids.map((r) => byId.get(r.id)).filter((r): r is InventoryRow => r !== undefined);
  return { items, total: count, page, pageSize: INVENTORY_PAGE_SIZE };
}

/** A variant's recent adjustments, newest first, with who made them. */
export async function listAdjustments(variantId: string, take = 20) {
  return prisma.inventoryAdjustment.findMany({
    where: { variantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      delta: true,
      stockAfter: true,
      reason: true,
      createdAt: true,
      orderId: true,
      actor: { select: { name: true, email: true } },
    },
  });
}

export async function getInventoryVariant(variantId: string) {
  return prisma.productVariant.findUnique({
    where: { id: variantId },
    select: {
      id: true,
      sku: true,
      title: true,
      trackInventory: true,
      stockOnHand: true,
      stockReserved: true,
      product: { select: { id: true, title: true } },
    },
  });
}
