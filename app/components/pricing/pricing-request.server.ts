// What the pricing admin routes share on the server: the viewer's translator for form messages and
// the actor recorded in audit rows.
import type { AppLoadContext } from "@remix-run/node";
import type { AuthUser } from "~/domains/identity/sessions.server";
import { i18n } from "~/infra/i18n.server";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export async function pricingTranslator(request: Request): Promise<Translate> {
  const t = await i18n.getFixedT(request, "pricing");
  return (key, options) => t(key, options ?? {}) as string;
}

export function actorOf(user: AuthUser, context: AppLoadContext) {
  return { actorId: user.id, ipAddress: context.clientIp ?? null };
}

/** A route parameter that must name a record: absent → 404. */
export function requiredParam(value: string | undefined): string {
  if (!value) throw new Response("Not found", { status: 404 });
  return value;
}
