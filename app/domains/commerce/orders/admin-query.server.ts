// Reading orders for the admin: the filtered, sorted, paged list; one order with everything its
// detail page shows (items, refunds, gift-card use, the timeline from audit rows); and the keyset
// pages the CSV export reads with the same filters.
import type { Prisma } from "~/generated/prisma/client";
import { clampPage } from "~/domains/platform/list-query";
import { dayRangeToUtc } from "~/domains/platform/audit-query";
import { prisma } from "~/infra/db.server";
import { ORDER_PAGE_SIZE, type OrderListQuery, type OrderSortKey } from "./order-list-query";

const SORT_FIELD: Record<OrderSortKey, "placedAt" | "grandTotal" | "number" | "email"> = {
  placed: "placedAt",
  total: "grandTotal",
  number: "number",
  email: "email",
};

export function orderWhere(query: Omit<OrderListQuery, "page">, timeZone: string): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = [];
  if (query.status) and.push({ status: query.status });
  if (query.payment) and.push({ paymentMethod: query.payment });
  const range = dayRangeToUtc(query, timeZone);
  if (range.from || range.to) and.push({ placedAt: { gte: range.from, lt: range.to } });
  if (query.q) {
    const q = query.q;
    and.push({
      OR: [
        { number: { contains: q.toUpperCase() } },
        { email: { contains: q, mode: "insensitive" } },
        { shipName: { contains: q, mode: "insensitive" } },
        { user: { name: { contains: q, mode: "insensitive" } } },
      ],
    });
  }
  return and.length > 0 ? { AND: and } : {};
}

function orderBy(query: Pick<OrderListQuery, "sort" | "dir">): Prisma.OrderOrderByWithRelationInput[] {
  return [{ [SORT_FIELD[query.sort]]: query.dir }, { id: query.dir }];
}

const listSelect = {
  id: true,
  number: true,
  email: true,
  shipName: true,
  status: true,
  paymentMethod: true,
  currency: true,
  grandTotal: true,
  refundedTotal: true,
  placedAt: true,
  user: { select: { id: true, name: true } },
  _count: { select: { items: true } },
} satisfies Prisma.OrderSelect;

export async function listOrdersForAdmin(query: OrderListQuery, timeZone: string) {
  const where = orderWhere(query, timeZone);
  const total = await prisma.order.count({ where });
  const page = clampPage(query.page, total, ORDER_PAGE_SIZE);
  const items = await prisma.order.findMany({
    where,
    orderBy: orderBy(query),
    skip: (page - 1) * ORDER_PAGE_SIZE,
    take: ORDER_PAGE_SIZE,
    select: listSelect,
  });
  return { items, total, page, pageSize: ORDER_PAGE_SIZE };
}

/** Everything the admin order page shows, or null. */
export async function getOrderForAdmin(orderId: string) {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    include: {
      items: { orderBy: { id: "asc" } },
      user: { select: { id: true, name: true, email: true } },
      refunds: { orderBy: { createdAt: "asc" }, include: { createdBy: { select: { name: true } } } },
      giftCardEntries: {
        orderBy: { createdAt: "asc" },
        include: { giftCard: { select: { id: true, code: true } } },
      },
    },
  });
  if (!order) return null;
  const timeline = await prisma.auditLog.findMany({
    where: { entityType: { in: ["order", "Order"] }, entityId: order.id },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { id: true, action: true, createdAt: true, after: true, actor: { select: { name: true } } },
  });
  return { ...order, timeline };
}

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof getOrderForAdmin>>>;

const exportInclude = {
  items: { select: { sku: true, quantity: true } },
  user: { select: { name: true } },
} satisfies Prisma.OrderInclude;
export type ExportedOrder = Prisma.OrderGetPayload<{ include: typeof exportInclude }>;
export type OrderKeysetCursor = { id: string; value: string | number };

/** One page of the export, in the list's order, after `cursor` (keyset on the sort field and id). */
export async function listOrdersKeysetPage({
  query,
  timeZone,
  cursor,
  limit,
}: {
  query: Omit<OrderListQuery, "page">;
  timeZone: string;
  cursor: OrderKeysetCursor | null;
  limit: number;
}): Promise<{ rows: ExportedOrder[]; next: OrderKeysetCursor | null }> {
  const field = SORT_FIELD[query.sort];
  const op = query.dir === "asc" ? "gt" : "lt";
  const where = orderWhere(query, timeZone);
  const value = cursor ? (field === "placedAt" ? new Date(cursor.value) : cursor.value) : null;
  const after: Prisma.OrderWhereInput | null = cursor
    ? { OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: cursor.id } }] }
    : null;
  const rows = await prisma.order.findMany({
    where: after ? { AND: [where, after] } : where,
    orderBy: orderBy(query),
    take: limit,
    include: exportInclude,
  });
  const last = rows.at(-1);
  const lastValue = last ? last[field] : null;
  return {
    rows,
    next:
      rows.length === limit && last && lastValue !== null
        ? { id: last.id, value: lastValue instanceof Date ? lastValue.toISOString() : lastValue }
        : null,
  };
}
