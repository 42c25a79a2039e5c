// Cancelling an order (payment timed out or expired at Stripe, the customer or staff gave up): the
// stock it holds goes back, its gift cards are credited and its discount use is returned, in the
// caller's transaction. Idempotent: an order already cancelled is left as it is.
//
// Stock: an unpaid order's stock always goes back (reservations released, or, for an offline order
// whose stock was committed at placement, the units returned): nothing left the shelf. A paid order's
// committed units go back only when `restock` is asked (staff may have packed or lost them).
// Money taken by card is not this function's business: the admin's cancel refunds it first
// (cancel-with-refund.server.ts).
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import type { Tx } from "~/infra/db.server";
import { releaseDiscount } from "../discounts/redemption.server";
import { creditOrderGiftCards } from "../gift-cards/ledger.server";
import { assertTransition, eventForTransition, type OrderStatus } from "../order-status";
import { isStockCommitted, releaseReservations } from "../checkout/stock.server";
import { emitOrderEvent } from "./order-events.server";
import { restockOrder } from "./restock.server";

export async function cancelOrder(
  tx: Tx,
  {
    orderId,
    reason,
    restock,
    actorId = null,
    now = new Date(),
  }: { orderId: string; reason: string; restock: boolean; actorId?: string | null; now?: Date },
): Promise<{ changed: boolean }> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("not_found", "No such order.", { orderId });
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
  const status = order.status as OrderStatus;
  if (status === "cancelled") return { changed: false };
  assertTransition(status, "cancelled");

  await tx.order.update({
    where: { id: orderId },
    data: { status: "cancelled", cancelledAt: now, cancelReason: reason.slice(0, 500) },
  });

  let released = 0;
  let restocked = 0;
  if (order.checkoutId) {
    released = await releaseReservations(tx, order.checkoutId);
    await tx.checkout.updateMany({ where: { id: order.checkoutId, status: "open" }, data: { status: "expired" } });
  }
  const giveBack = status === "pending_payment" || restock;
  if (giveBack && (await isStockCommitted(tx, orderId))) {
    restocked = await restockOrder(tx, order, actorId, "cancel");
  }
  const giftCardsCredited = await creditOrderGiftCards(tx, {
    orderId,
    amount: order.giftCardTotal,
    kind: "release",
    actorId,
    reason: `Order ${order.number} cancelled`,
  });
  await releaseDiscount(tx, orderId);

  await recordAudit(
    {
      actorId,
      action: "order.cancel",
      entityType: "order",
      entityId: orderId,
      before: { status },
      after: { status: "cancelled", reason, restock, unitsReleased: released, unitsRestocked: restocked, giftCardsCredited },
    },
    tx,
  );
  const event = eventForTransition(status, "cancelled");
  if (event) await emitOrderEvent(tx, event, orderId);
  return { changed: true };
}
