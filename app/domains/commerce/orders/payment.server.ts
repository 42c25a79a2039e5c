// An order's payment arriving: Stripe's webhook, an order covered by gift cards, or staff marking an
// offline payment received. One function so every way in does the same things, in the caller's
// transaction: status → paid, stock committed (if not already at placement), download grants, the
// "payment received" e-mail, the audit row and order.paid. Safe to call twice: the second call finds
// the order paid and changes nothing.
import { DomainError, isDomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import type { Tx } from "~/infra/db.server";
import { assertTransition, type OrderStatus } from "../order-status";
import { getShopSettings } from "../shop-settings.server";
import { commitOrderStock } from "../checkout/stock.server";
import { queueOrderConfirmation } from "./confirmation-email.server";
import { emitOrderEvent } from "./order-events.server";

export type PaymentVia = "stripe" | "offline" | "gift_card";

const ALREADY_PAID: readonly OrderStatus[] = ["paid", "fulfilled", "delivered", "partially_refunded", "refunded"];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Locks the order row for the rest of the transaction. */
async function lock(tx: Tx, orderId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("not_found", "No such order.", { orderId });
}

/** One grant per digital item (none twice), with the shop's download limit and lifetime. */
export async function grantDownloads(tx: Tx, orderId: string, now: Date): Promise<number> {
  const items = await tx.orderItem.findMany({
    where: { orderId, isDigital: true, downloads: { none: {} } },
    select: { id: true },
  });
  if (items.length === 0) return 0;
  const settings = await getShopSettings(tx);
  await tx.downloadGrant.createMany({
    data: items.map((item) => ({
      orderItemId: item.id,
      maxDownloads: settings.downloadLimit,
      expiresAt: new Date(now.getTime() + settings.downloadDays * DAY_MS),
    })),
  });
  return items.length;
}

export async function markOrderPaid(
  tx: Tx,
  {
    orderId,
    via,
    actorId = null,
    stripePaymentIntentId = null,
    now = new Date(),
  }: {
    orderId: string;
    via: PaymentVia;
    actorId?: string | null;
    stripePaymentIntentId?: string | null;
    now?: Date;
  },
): Promise<{ changed: boolean }> {
  await lock(tx, orderId);
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
  const status = order.status as OrderStatus;
  if (ALREADY_PAID.includes(status)) return { changed: false };
  assertTransition(status, "paid");

  try {
    await commitOrderStock(tx, order, actorId);
  } catch (error) {
    if (isDomainError(error, "out_of_stock")) {
      throw new DomainError("oversold", `Order ${order.number} was paid but its stock is gone.`, {
        orderId,
        ...error.details,
      });
    }
    throw error;
  }

  await tx.order.update({
    where: { id: orderId },
    data: {
      status: "paid",
      paidAt: now,
      ...(stripePaymentIntentId ? { stripePaymentIntentId } : {}),
    },
  });
  if (order.checkoutId) {
    await tx.checkout.updateMany({ where: { id: order.checkoutId, status: "open" }, data: { status: "placed" } });
  }
  const grants = await grantDownloads(tx, orderId, now);
  await queueOrderConfirmation(tx, orderId, "paid");
  await recordAudit(
    {
      actorId,
      action: "order.paid",
      entityType: "order",
      entityId: orderId,
      before: { status },
      after: { status: "paid", via, downloadGrants: grants, stripePaymentIntentId },
    },
    tx,
  );
  await emitOrderEvent(tx, "order.paid", orderId);
  return { changed: true };
}
