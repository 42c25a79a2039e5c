// Orders for the API: keyset pages (newest first by placedAt) and one order, serialized through the
// contract; PATCH records fulfilment and delivery through the orders domain (status machine, audit,
// order.fulfilled, the customer's e-mail) with If-Match checked under the order's row lock.
import { DomainError } from "~/domains/errors";
import type { Prisma } from "~/generated/prisma/client";
import {
  fulfilOrder,
  FulfilmentInputError,
  markOrderDelivered,
  updateTracking,
} from "~/domains/commerce/orders/fulfilment.server";
import { lockOrder } from "~/domains/commerce/orders/refunds.server";
import { prisma } from "~/infra/db.server";
import type { Tx } from "~/infra/db.server";
import { pageOf, type CursorPosition } from "./cursor";
import { etagOf } from "./etag";
import { ApiOrderSchema, type ApiOrder, type UpdateOrderBody } from "./order-schemas";
import type { ProblemError } from "./problem";

const include = {
  items: { orderBy: { id: "asc" } },
  refunds: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.OrderInclude;
type OrderRow = Prisma.OrderGetPayload<{ include: typeof include }>;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toApiOrder(order: OrderRow): ApiOrder {
  return ApiOrderSchema.parse({
    id: order.id,
    number: order.number,
    status: order.status,
    payment_method: order.paymentMethod,
    email: order.email,
    customer_id: order.userId,
    locale: order.locale,
    currency: order.currency,
    merchandise_subtotal: order.merchandiseSubtotal,
    discount_total: order.discountTotal,
    discount_code: order.discountCode,
    shipping_total: order.shippingTotal,
    shipping_method: order.shippingMethodName,
    tax_total: order.taxTotal,
    gift_card_total: order.giftCardTotal,
    grand_total: order.grandTotal,
    amount_due: order.amountDue,
    refunded_total: order.refundedTotal,
    shipping_address: order.shipLine1
      ? {
          name: order.shipName,
          line1: order.shipLine1,
          line2: order.shipLine2,
          city: order.shipCity,
          region: order.shipRegion,
          postal_code: order.shipPostalCode,
          country: order.shipCountry,
          phone: order.phone,
        }
      : null,
    carrier: order.carrier,
    tracking_number: order.trackingNumber,
    placed_at: order.placedAt.toISOString(),
    paid_at: iso(order.paidAt),
    fulfilled_at: iso(order.fulfilledAt),
    delivered_at: iso(order.deliveredAt),
    cancelled_at: iso(order.cancelledAt),
    items: order.items.map((item) => ({
      id: item.id,
      product_id: item.productId,
      variant_id: item.variantId,
      title: item.title,
      variant_title: item.variantTitle,
      sku: item.sku,
      unit_price: item.unitPrice,
      quantity: item.quantity,
      line_total: item.lineTotal,
      discount_allocated: item.discountAllocated,
      tax: item.tax,
      requires_shipping: item.requiresShipping,
      is_digital: item.isDigital,
    })),
    refunds: order.refunds.map((refund) => ({
      id: refund.id,
      amount: refund.amount,
      card_amount: refund.cardAmount,
      gift_card_amount: refund.giftCardAmount,
      status: refund.status,
      reason: refund.reason,
      created_at: refund.createdAt.toISOString(),
    })),
  });
}

export async function listOrdersPage({
  after,
  limit,
  status,
  since,
}: {
  after: CursorPosition | null;
  limit: number;
  status?: ApiOrder["status"];
  since?: Date;
}): Promise<{ items: ApiOrder[]; nextCursor: string | null }> {
  const and: Prisma.OrderWhereInput[] = [];
  if (status) and.push({ status });
  if (since) and.push({ placedAt: { gte: since } });
  if (after) {
    and.push({ OR: [{ placedAt: { lt: after.createdAt } }, { placedAt: after.createdAt, id: { lt: after.id } }] });
  }
  const rows = await prisma.order.findMany({
    where: { AND: and },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include,
  });
  const page = pageOf(
    rows.map((row) => ({ row, createdAt: row.placedAt, id: row.id })),
    limit,
  );
  return { items: page.items.map(({ row }) => toApiOrder(row)), nextCursor: page.nextCursor };
}

async function readOrder(orderId: string, db: Tx | typeof prisma = prisma): Promise<ApiOrder | null> {
  const row = await db.order.findUnique({ where: { id: orderId }, include });
  return row ? toApiOrder(row) : null;
}

export function getApiOrder(orderId: string): Promise<ApiOrder | null> {
  return readOrder(orderId);
}

export function orderEtag(order: ApiOrder): string {
  return etagOf(JSON.stringify(order));
}

export type OrderPatchOutcome =
  { kind: "updated"; order: ApiOrder } | { kind: "not-found" } | { kind: "precondition-failed"; current: ApiOrder };

/**
 * Applies a PATCH in one transaction under the order's row lock: If-Match (when `ifMatch` says
 * so) is compared with the order as locked, then the fulfilment/delivery/tracking change is made.
 * A second `fulfilled` for an already fulfilled order only corrects the tracking (idempotent).
 */
export async function patchOrderFromApi(
  orderId: string,
  body: UpdateOrderBody,
  ifMatch: (etag: string) => boolean,
  actor: { actorId: string; ipAddress: string | null },
): Promise<OrderPatchOutcome> {
  return prisma.$transaction(async (tx) => {
    let locked;
    try {
      locked = await lockOrder(tx, orderId);
    } catch (error) {
      if (error instanceof DomainError && error.code === "not_found") return { kind: "not-found" } as const;
      throw error;
    }
    const current = await readOrder(orderId, tx);
    if (!current) return { kind: "not-found" } as const;
    if (!ifMatch(orderEtag(current))) return { kind: "precondition-failed", current } as const;
    const tracking = { orderId, carrier: body.carrier ?? "", trackingNumber: body.tracking_number ?? "" };
    const hasTracking = body.carrier !== undefined || body.tracking_number !== undefined;
    if (body.status === "fulfilled" && locked.status === "paid") {
      await fulfilOrder(tx, tracking, actor);
    } else if (body.status === "delivered") {
      if (hasTracking) await updateTracking(tx, mergedTracking(locked, body), actor);
      if (locked.status !== "delivered") await markOrderDelivered(tx, orderId, actor);
    } else if (body.status === "fulfilled" && locked.status !== "fulfilled") {
      await fulfilOrder(tx, tracking, actor); // refused by the status machine with the reason
    } else if (hasTracking) {
      await updateTracking(tx, mergedTracking(locked, body), actor);
    }
    const order = await readOrder(orderId, tx);
    return order ? ({ kind: "updated", order } as const) : ({ kind: "not-found" } as const);
  });
}

function mergedTracking(order: { id: string; carrier: string | null; trackingNumber: string | null }, body: UpdateOrderBody) {
  return {
    orderId: order.id,
    carrier: body.carrier ?? order.carrier ?? "",
    trackingNumber: body.tracking_number ?? order.trackingNumber ?? "",
  };
}

/** An orders-domain refusal as body-field errors, or null when it is not about the input. */
export function orderFieldErrors(error: unknown): ProblemError[] | null {
  if (error instanceof FulfilmentInputError) {
    return Object.entries(error.issues).flatMap(([field, issue]) =>
      issue
        ? [{ field: field === "trackingNumber" ? "tracking_number" : field, code: issue.reason, message: issue.message }]
        : [],
    );
  }
  if (error instanceof DomainError && (error.code === "invalid_transition" || error.code === "refund_in_progress")) {
    return [{ field: "status", code: error.code, message: error.message }];
  }
  return null;
}
