// order.created / order.paid / order.fulfilled / order.refunded: the one place that turns an order
// row into the webhook payload, read inside the caller's transaction so the event shows the change.
import type { Db, Tx } from "~/infra/db.server";
import type { WebhookOrder } from "~/domains/platform/webhooks/catalog";
import { emitDomainEvent } from "~/domains/platform/webhooks/events.server";

export type OrderEventType = "order.created" | "order.paid" | "order.fulfilled" | "order.refunded";

const ORDER_FIELDS = {
  id: true,
  number: true,
  status: true,
  email: true,
  userId: true,
  currency: true,
  paymentMethod: true,
  merchandiseSubtotal: true,
  discountTotal: true,
  shippingTotal: true,
  taxTotal: true,
  giftCardTotal: true,
  grandTotal: true,
  refundedTotal: true,
  discountCode: true,
  carrier: true,
  trackingNumber: true,
  placedAt: true,
  paidAt: true,
  fulfilledAt: true,
  items: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      productId: true,
      variantId: true,
      sku: true,
      title: true,
      variantTitle: true,
      unitPrice: true,
      quantity: true,
      lineTotal: true,
    },
  },
} as const;

type OrderRow = {
  id: string;
  number: string;
  status: WebhookOrder["status"];
  email: string;
  userId: string | null;
  currency: string;
  paymentMethod: WebhookOrder["paymentMethod"];
  merchandiseSubtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  giftCardTotal: number;
  grandTotal: number;
  refundedTotal: number;
  discountCode: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  placedAt: Date;
  paidAt: Date | null;
  fulfilledAt: Date | null;
  items: WebhookOrder["items"];
};

export function toWebhookOrder(order: OrderRow): WebhookOrder {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    customerId: order.userId,
    currency: order.currency,
    paymentMethod: order.paymentMethod,
    merchandiseSubtotal: order.merchandiseSubtotal,
    discountTotal: order.discountTotal,
    shippingTotal: order.shippingTotal,
    taxTotal: order.taxTotal,
    giftCardTotal: order.giftCardTotal,
    grandTotal: order.grandTotal,
    refundedTotal: order.refundedTotal,
    discountCode: order.discountCode,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    items: order.items.map((item) => ({ ...item })),
    placedAt: order.placedAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    fulfilledAt: order.fulfilledAt?.toISOString() ?? null,
  };
}

/** Reads the order as the transaction sees it now and publishes the event in that transaction. */
export async function emitOrderEvent(tx: Db | Tx, type: OrderEventType, orderId: string): Promise<string> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: ORDER_FIELDS });
  return emitDomainEvent(tx, type, toWebhookOrder(order));
}
