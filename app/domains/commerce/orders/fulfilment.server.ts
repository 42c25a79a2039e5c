// Moving a paid order on: fulfilled (shipped with a carrier and tracking number, or digital only)
// and delivered. Each change is checked against the status machine under the order's row lock,
// audited, and fulfilment fires order.fulfilled and e-mails the customer, all in the caller's
// transaction (the admin page and PATCH /api/v1/orders/{id} share these).
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import type { Tx } from "~/infra/db.server";
import { assertTransition, validateFulfilment, type FulfilmentIssue, type OrderStatus } from "~/domains/commerce/order-status";
import { orderUrl } from "./order-links.server";
import { emitOrderEvent } from "./order-events.server";
import { isInFlight, lockOrder, STALE_IN_FLIGHT_MS, type LockedOrder } from "./refunds.server";

export type OrderActor = { actorId: string | null; ipAddress?: string | null };

/** Thrown when the carrier or tracking number is wrong; `issues` maps field → issue (t() key + values). */
export class FulfilmentInputError extends DomainError {
  constructor(public readonly issues: Partial<Record<"carrier" | "trackingNumber", FulfilmentIssue>>) {
    super(
      "invalid_fulfilment",
      Object.values(issues)
        .map((issue) => issue?.message)
        .join(" "),
      { issues },
    );
  }
}

export type FulfilInput = { orderId: string; carrier: string; trackingNumber: string };

/**
 * paid → fulfilled. An order with physical items needs a carrier and a tracking number
 * (validateFulfilment); a digital-only order may leave both empty.
 * Throws `not_found`, `invalid_transition`, FulfilmentInputError.
 */
export async function fulfilOrder(tx: Tx, input: FulfilInput, actor: OrderActor): Promise<void> {
  const order = await lockOrder(tx, input.orderId);
  const from = order.status as OrderStatus;
  assertTransition(from, "fulfilled");
  // A refund (or a paid order's cancellation) waiting on Stripe: shipping now could ship an order
  // that is being cancelled and refunded in full. One abandoned for minutes (its request died) does
  // not block the order for ever; should Stripe still answer, the cancel records a full refund.
  const waiting = (refund: LockedOrder["refunds"][number]) =>
    isInFlight(refund) && Date.now() - refund.createdAt.getTime() <= STALE_IN_FLIGHT_MS;
  if (order.refunds.some(waiting)) {
    throw new DomainError("refund_in_progress", "A refund of this order is still being processed.");
  }
  const needsShipping = order.items.some((item) => item.requiresShipping);
  let carrier: string | null = null;
  let trackingNumber: string | null = null;
  const given = input.carrier.trim() !== "" || input.trackingNumber.trim() !== "";
  if (needsShipping || given) {
    const checked = validateFulfilment({ carrier: input.carrier, trackingNumber: input.trackingNumber });
    if (!checked.ok) throw new FulfilmentInputError(checked.issues);
    ({ carrier, trackingNumber } = checked.value);
  }
  const fulfilledAt = new Date();
  await tx.order.update({ where: { id: order.id }, data: { status: "fulfilled", carrier, trackingNumber, fulfilledAt } });
  await emitOrderEvent(tx, "order.fulfilled", order.id);
  await recordAudit(
    {
      actorId: actor.actorId,
      action: "order.fulfil",
      entityType: "order",
      entityId: order.id,
      before: { status: from },
      after: { status: "fulfilled", carrier, trackingNumber },
      ipAddress: actor.ipAddress ?? null,
    },
    tx,
  );
  await queueTemplateEmail(tx, {
    to: order.email,
    locale: order.locale,
    template: "order-shipped",
    props: {
      orderNumber: order.number,
      carrier,
      trackingNumber,
      items: order.items.map((item) => ({ title: item.title, variantTitle: item.variantTitle, quantity: item.quantity })),
      orderUrl: orderUrl(order),
    },
  });
}

/** Corrects the carrier or tracking number of a fulfilled order (a typo, a re-shipped parcel). */
export async function updateTracking(tx: Tx, input: FulfilInput, actor: OrderActor): Promise<void> {
  const order = await lockOrder(tx, input.orderId);
  if (order.status !== "fulfilled" && order.status !== "delivered") {
    throw new DomainError("invalid_transition", `An order that is ${order.status} has no tracking to change.`, {
      from: order.status,
    });
  }
  const checked = validateFulfilment({ carrier: input.carrier, trackingNumber: input.trackingNumber });
  if (!checked.ok) throw new FulfilmentInputError(checked.issues);
  if (checked.value.carrier === order.carrier && checked.value.trackingNumber === order.trackingNumber) return;
  await tx.order.update({ where: { id: order.id }, data: checked.value });
  await recordAudit(
    {
      actorId: actor.actorId,
      action: "order.tracking",
      entityType: "order",
      entityId: order.id,
      before: { carrier: order.carrier, trackingNumber: order.trackingNumber },
      after: checked.value,
      ipAddress: actor.ipAddress ?? null,
    },
    tx,
  );
}

/** fulfilled → delivered. Fires no webhook (the status machine's decision). */
export async function markOrderDelivered(tx: Tx, orderId: string, actor: OrderActor): Promise<void> {
  const order = await lockOrder(tx, orderId);
  const from = order.status as OrderStatus;
  assertTransition(from, "delivered");
  await tx.order.update({ where: { id: order.id }, data: { status: "delivered", deliveredAt: new Date() } });
  await recordAudit(
    {
      actorId: actor.actorId,
      action: "order.deliver",
      entityType: "order",
      entityId: order.id,
      before: { status: from },
      after: { status: "delivered" },
      ipAddress: actor.ipAddress ?? null,
    },
    tx,
  );
}
