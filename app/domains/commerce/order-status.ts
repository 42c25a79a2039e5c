// The order life cycle (pure): which status may follow which, which webhook event a change fires,
// what a refund turns an order into, and what a fulfilment needs. The domain module applies a
// change, writes the audit row and emits the event in one transaction; this file only decides.
//
// Happy path: pending_payment → paid → fulfilled → delivered. Side exits: cancelled, and
// partially_refunded → refunded. TRANSITIONS below is the whole truth.
//
// Decisions:
// - Cancelling is only possible before anything ships: from pending_payment (nothing was paid) or
//   from paid (the domain refunds the payment in full as part of the cancellation). Once fulfilled,
//   the way back is a refund.
// - Delivered needs fulfilled first: there is nothing to deliver without a carrier and tracking
//   number.
// - Refunds are possible once money was taken: paid, fulfilled, delivered and partially_refunded
//   (a further partial refund keeps partially_refunded, the one allowed "self" transition). The
//   amounts decide partial or full (`refundStatus`), never the admin's choice of status.
// - A partially refunded order does not move on to fulfilled or delivered: the single status
//   records the money, not the parcel. A shop that refunds one line of an unshipped order ships
//   first, or cancels and re-orders. (Revisit with a separate fulfilment status if that hurts.)
// - cancelled and refunded are final.
import { DomainError } from "~/domains/errors";
// Money is an integer count of the currency's minor units (cents): no floats, no rounding.
import type { Money } from "~/utils/money";

export const ORDER_STATUSES = [
  "pending_payment",
  "paid",
  "fulfilled",
  "delivered",
  "cancelled",
  "partially_refunded",
  "refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["paid", "cancelled"],
  paid: ["fulfilled", "cancelled", "partially_refunded", "refunded"],
  fulfilled: ["delivered", "partially_refunded", "refunded"],
  delivered: ["partially_refunded", "refunded"],
  partially_refunded: ["partially_refunded", "refunded"],
  cancelled: [],
  refunded: [],
};

export const REFUNDABLE_STATUSES: readonly OrderStatus[] = ["paid", "fulfilled", "delivered", "partially_refunded"];
export const CANCELLABLE_STATUSES: readonly OrderStatus[] = ["pending_payment", "paid"];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws `DomainError("invalid_transition")` naming both statuses when the change is not allowed. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError("invalid_transition", `An order cannot go from ${from} to ${to}.`, { from, to });
  }
}

/** The statuses an order may move to next, in table order (the admin UI offers these). */
export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

export function isFinal(status: OrderStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

// Webhook events: only the ones the issue names. order.created is emitted when the order is
// created (there is no "from" status). Delivery fires nothing. Cancelling an unpaid order fires
// nothing; cancelling a paid one fires order.refunded, because money went back and subscribers
// that reconcile payments must hear about it (the payload's status says "cancelled").
export const ORDER_EVENTS = ["order.created", "order.paid", "order.fulfilled", "order.refunded"] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];
export const ORDER_CREATED_EVENT: OrderEvent = "order.created";

/** The event an allowed transition fires, or null when it fires none. */
export function eventForTransition(from: OrderStatus, to: OrderStatus): OrderEvent | null {
  switch (to) {
    case "paid":
      return "order.paid";
    case "fulfilled":
      return "order.fulfilled";
    case "partially_refunded":
    case "refunded":
      return "order.refunded";
    case "cancelled":
      return from === "paid" ? "order.refunded" : null;
    default:
      return null;
  }
}

/**
 * Partial or full, from the amounts (minor units): `refunded` is the total refunded so far,
 * including this refund. Throws `DomainError("invalid_refund")` for a non-positive or fractional
 * amount and `DomainError("refund_exceeds_paid")` when more would go back than was paid.
 */
export function refundStatus(amounts: { paid: Money; refunded: Money }): "partially_refunded" | "refunded" {
  const { paid, refunded } = amounts;
  if (!Number.isSafeInteger(paid) || paid < 0 || !Number.isSafeInteger(refunded) || refunded <= 0) {
    throw new DomainError("invalid_refund", "A refund must be a positive whole number of minor units.", amounts);
  }
  if (refunded > paid) {
    throw new DomainError("refund_exceeds_paid", `Cannot refund ${refunded} when only ${paid} was paid.`, amounts);
  }
  return refunded === paid ? "refunded" : "partially_refunded";
}

/** The status after a refund from `from`, checked against the table (for the domain's refund action). */
export function statusAfterRefund(from: OrderStatus, amounts: { paid: Money; refunded: Money }): OrderStatus {
  const to = refundStatus(amounts);
  assertTransition(from, to);
  return to;
}

export const CARRIER_MAX_LENGTH = 60;
export const TRACKING_MIN_LENGTH = 3;
export const TRACKING_MAX_LENGTH = 64;
// At least one letter or digit, so "---" is not a tracking number.
const TRACKING_PATTERN = /^[A-Za-z0-9 -]*[A-Za-z0-9][A-Za-z0-9 -]*$/;
// Control characters would break e-mails and CSV exports; printable text is otherwise fine.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export type FulfilmentInput = { carrier: string; trackingNumber: string };
export type FulfilmentField = keyof FulfilmentInput;
export type FulfilmentReason = "required" | "too_short" | "too_long" | "invalid_characters";
/** One refusal: `key` and `values` go to `t()` (namespace commerce), `message` is the English text. */
export type FulfilmentIssue = {
  reason: FulfilmentReason;
  key: string;
  values: { min: number; max: number };
  message: string;
};
export type FulfilmentResult =
  { ok: true; value: FulfilmentInput } | { ok: false; issues: Partial<Record<FulfilmentField, FulfilmentIssue>> };

const FIELD_LABEL: Record<FulfilmentField, string> = { carrier: "carrier", trackingNumber: "tracking number" };
const LIMITS: Record<FulfilmentField, { min: number; max: number }> = {
  carrier: { min: 1, max: CARRIER_MAX_LENGTH },
  trackingNumber: { min: TRACKING_MIN_LENGTH, max: TRACKING_MAX_LENGTH },
};

function issue(field: FulfilmentField, reason: FulfilmentReason): FulfilmentIssue {
  const values = LIMITS[field];
  const label = FIELD_LABEL[field];
  const message = {
    required: `Enter the ${label}.`,
    too_short: `The ${label} must be at least ${values.min} characters.`,
    too_long: `The ${label} can be at most ${values.max} characters.`,
    invalid_characters:
      field === "trackingNumber"
        ? "The tracking number can only contain letters, digits, spaces and dashes."
        : `The ${label} contains characters that are not allowed.`,
  }[reason];
  return { reason, key: `commerce:fulfilment.${field}.${reason}`, values, message };
}

/**
 * Checks what marking an order fulfilled needs: a carrier (1–60 characters, no control characters)
 * and a tracking number (3–64 letters, digits, spaces or dashes). Both are trimmed. A route turns
 * the issues into `submission.reply({ fieldErrors: { carrier: [t(issue.key, issue.values)] } })`.
 */
export function validateFulfilment(input: FulfilmentInput): FulfilmentResult {
  const carrier = input.carrier.trim();
  const trackingNumber = input.trackingNumber.trim();
  const issues: Partial<Record<FulfilmentField, FulfilmentIssue>> = {};

  const carrierLength = [...carrier].length; // code points, so "DHL Paquetería" counts as read
  if (carrierLength === 0) issues.carrier = issue("carrier", "required");
  else if (carrierLength > CARRIER_MAX_LENGTH) issues.carrier = issue("carrier", "too_long");
  else if (CONTROL_CHARACTERS.test(carrier)) issues.carrier = issue("carrier", "invalid_characters");

  if (trackingNumber.length === 0) issues.trackingNumber = issue("trackingNumber", "required");
  else if (!TRACKING_PATTERN.test(trackingNumber)) issues.trackingNumber = issue("trackingNumber", "invalid_characters");
  else if (trackingNumber.length < TRACKING_MIN_LENGTH) issues.trackingNumber = issue("trackingNumber", "too_short");
  else if (trackingNumber.length > TRACKING_MAX_LENGTH) issues.trackingNumber = issue("trackingNumber", "too_long");

  return Object.keys(issues).length > 0 ? { ok: false, issues } : { ok: true, value: { carrier, trackingNumber } };
}
