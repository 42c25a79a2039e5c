// The events an endpoint can subscribe to, with the shape of each event's `data`. A domain that
// starts publishing an event adds it here; emitDomainEvent refuses any type not listed.
import { z } from "zod";

/** The public fields of a person: what integrations may know, never secrets or security state. */
export const WebhookUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(["active", "deactivated"]),
  locale: z.string(),
  timeZone: z.string(),
  roles: z.array(z.string()),
  createdAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }),
});
export type WebhookUser = z.infer<typeof WebhookUserSchema>;

/** An order as integrations see it: amounts in minor units of `currency`, no payment secrets. */
export const WebhookOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(["pending_payment", "paid", "fulfilled", "delivered", "cancelled", "partially_refunded", "refunded"]),
  email: z.string(),
  customerId: z.string().nullable(),
  currency: z.string(),
  paymentMethod: z.enum(["stripe", "offline", "gift_card"]),
  merchandiseSubtotal: z.number().int(),
  discountTotal: z.number().int(),
  shippingTotal: z.number().int(),
  taxTotal: z.number().int(),
  giftCardTotal: z.number().int(),
  grandTotal: z.number().int(),
  refundedTotal: z.number().int(),
  discountCode: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      productId: z.string().nullable(),
      variantId: z.string().nullable(),
      sku: z.string(),
      title: z.string(),
      variantTitle: z.string(),
      unitPrice: z.number().int(),
      quantity: z.number().int(),
      lineTotal: z.number().int(),
    }),
  ),
  placedAt: z.string().datetime({ offset: true }),
  paidAt: z.string().datetime({ offset: true }).nullable(),
  fulfilledAt: z.string().datetime({ offset: true }).nullable(),
});
export type WebhookOrder = z.infer<typeof WebhookOrderSchema>;

export const WEBHOOK_EVENTS = {
  "user.created": {
    description: "A person's account was created (sign-up, an administrator, or the API).",
    data: WebhookUserSchema,
  },
  "user.updated": {
    description: "A person's profile, roles or status changed.",
    data: WebhookUserSchema,
  },
  "order.created": {
    description: "A customer placed an order (it may still wait for payment).",
    data: WebhookOrderSchema,
  },
  "order.paid": {
    description: "An order's payment was received (Stripe, gift card, or marked paid by staff).",
    data: WebhookOrderSchema,
  },
  "order.fulfilled": {
    description: "An order was shipped (carrier and tracking number) or its digital items delivered.",
    data: WebhookOrderSchema,
  },
  "order.refunded": {
    description: "Money was returned on an order, in part or in full (see refundedTotal and status).",
    data: WebhookOrderSchema,
  },
} as const satisfies Record<string, { description: string; data: z.ZodTypeAny }>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEventType, ...WebhookEventType[]];

/** Sent by "Send test event" to one endpoint; not subscribable. */
export const TEST_EVENT_TYPE = "webhook.test";

export function isWebhookEventType(value: string): value is WebhookEventType {
  return Object.prototype.hasOwnProperty.call(WEBHOOK_EVENTS, value);
}

/** The i18n key of an event's label in the `webhooks` namespace ("." is i18next's key separator). */
export function eventLabelKey(type: string) {
  return `webhooks:events.${type.replace(/\./g, "_")}`;
}

/** The Standard Webhooks body of an event. */
export type WebhookBody = { type: string; timestamp: string; data: Record<string, unknown> };
