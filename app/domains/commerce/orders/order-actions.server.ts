// The admin order page's actions as transactions (routes never open one): mark an offline order
// paid, fulfil, correct the tracking, mark delivered. Refunds: refund-order.server.ts; cancelling:
// cancel-with-refund.server.ts.
import { DomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { fulfilOrder, markOrderDelivered, updateTracking, type FulfilInput, type OrderActor } from "./fulfilment.server";
import { markOrderPaid } from "./payment.server";
import { lockOrder } from "./refunds.server";

/**
 * Staff received an offline payment (bank transfer, pay on pickup). Only offline orders: a Stripe
 * order is paid by Stripe's webhook. Throws `not_found`, `not_offline`, `invalid_transition`.
 */
export async function markOfflineOrderPaid(orderId: string, actor: OrderActor): Promise<{ changed: boolean }> {
  return prisma.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.paymentMethod !== "offline") {
      throw new DomainError("not_offline", "Only orders paid offline can be marked paid by hand.");
    }
    if (order.status !== "pending_payment" && order.status !== "paid") {
      throw new DomainError("invalid_transition", `An order that is ${order.status} cannot be marked paid.`, {
        from: order.status,
      });
    }
    return markOrderPaid(tx, { orderId, via: "offline", actorId: actor.actorId });
  });
}

export function fulfilOrderNow(input: FulfilInput, actor: OrderActor): Promise<void> {
  return prisma.$transaction((tx) => fulfilOrder(tx, input, actor));
}

export function updateOrderTracking(input: FulfilInput, actor: OrderActor): Promise<void> {
  return prisma.$transaction((tx) => updateTracking(tx, input, actor));
}

export function markDelivered(orderId: string, actor: OrderActor): Promise<void> {
  return prisma.$transaction((tx) => markOrderDelivered(tx, orderId, actor));
}
