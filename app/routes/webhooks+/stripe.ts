// POST /webhooks/stripe — Stripe's events. No session, no CSRF token: the Stripe-Signature header
// (an HMAC of the raw body with the endpoint's whsec_ secret) is the authentication, so the body is
// read as text and verified before anything is parsed (server/security.ts exempts /webhooks/ from the
// Origin check). A bad or missing signature gets 400 and changes nothing; a replayed event gets 200
// and changes nothing; a failure while applying gets 500, so Stripe retries later.
import type { ActionFunctionArgs } from "@remix-run/node";
import { processStripeEvent, verifyStripeEvent, type StripeEventInput } from "~/domains/commerce/payments/stripe-events.server";
import { getEnv } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";

function text(body: string, status: number, headers: Record<string, string> = {}) {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function loader() {
  return text("Method not allowed", 405, { Allow: "POST" });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Method not allowed", 405, { Allow: "POST" });
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret) return text("Stripe is not configured.", 404);
  const signature = request.headers.get("stripe-signature");
  if (!signature) return text("Missing Stripe-Signature header.", 400);
  const raw = await request.text();

  let event: StripeEventInput;
  try {
    event = verifyStripeEvent(raw, signature, secret);
  } catch (error) {
    logger.warn({ reason: (error as Error).message.split("\n")[0] }, "stripe webhook refused: bad signature");
    return text("Invalid signature.", 400);
  }

  try {
    const result = await processStripeEvent(event);
    return Response.json({ received: true, ...result }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ err: error, eventId: event.id, type: event.type }, "stripe webhook failed; Stripe will retry");
    return text("Could not apply the event; retry later.", 500);
  }
}
