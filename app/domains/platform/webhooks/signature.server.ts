// Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_` + base64 of
// random bytes; the signature is `v1,` + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")).
import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString("base64")}`;
}

export function signWebhook({ secret, id, timestamp, body }: { secret: string; id: string; timestamp: number; body: string }) {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** A delivery id (the `webhook-id` header): `msg_` and 24 random base64url characters. */
export function newDeliveryId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}
