// The endpoint form (create and edit), shared by conform in the browser and parseWithZod in the
// action. Messages come from the caller's `t` (namespace "webhooks"). The URL's network checks
// (https, public address) happen on the server in url-guard.server.ts.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./catalog";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const MAX_DESCRIPTION_LENGTH = 200;
const MAX_URL_LENGTH = 2000;

export function createEndpointSchema(t: Translate) {
  return z.object({
    url: z
      .string({ required_error: t("webhooks:errors.urlRequired") })
      .trim()
      .max(MAX_URL_LENGTH, t("webhooks:errors.urlInvalid"))
      .url(t("webhooks:errors.urlInvalid")),
    description: z
      .string()
      .trim()
      .max(MAX_DESCRIPTION_LENGTH, t("webhooks:errors.descriptionTooLong", { max: MAX_DESCRIPTION_LENGTH }))
      .default(""),
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES, { errorMap: () => ({ message: t("webhooks:errors.eventUnknown") }) }), {
        required_error: t("webhooks:errors.eventsRequired"),
      })
      .min(1, t("webhooks:errors.eventsRequired")),
  });
}

export type EndpointFormValue = z.output<ReturnType<typeof createEndpointSchema>>;

/** Where a refusal of the URL check belongs: the `url` field, with this message key. */
export function urlErrorKey(code: string): string | null {
  const keys: Record<string, string> = {
    "webhook.url-invalid": "webhooks:errors.urlInvalid",
    "webhook.url-scheme": "webhooks:errors.urlScheme",
    "webhook.url-credentials": "webhooks:errors.urlCredentials",
    "webhook.url-unresolvable": "webhooks:errors.urlUnresolvable",
    "webhook.url-private": "webhooks:errors.urlPrivate",
  };
  return keys[code] ?? null;
}
