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

export const WEBHOOK_EVENTS = {
  "user.created": {
    description: "A person's account was created (sign-up, an administrator, or the API).",
    data: WebhookUserSchema,
  },
  "user.updated": {
    description: "A person's profile, roles or status changed.",
    data: WebhookUserSchema,
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
