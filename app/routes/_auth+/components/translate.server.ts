// Server-side translator and display preferences for the /auth routes.
import type { Translate } from "~/domains/identity/schemas";
import { readTimeZoneCookie } from "~/infra/cookies.server";
import { i18n } from "~/infra/i18n.server";
import { isValidTimeZone } from "~/utils/dates";

export async function identityT(request: Request): Promise<Translate> {
  const t = await i18n.getFixedT(request, "identity");
  return (key, options) => t(key, options ?? {}) as string;
}

/** The viewer's language and time zone (from the browser's `tz` cookie; UTC when unknown). */
export async function viewerPreferences(request: Request) {
  const locale = await i18n.getLocale(request);
  const zone = readTimeZoneCookie(request.headers.get("Cookie"));
  return { locale, timeZone: isValidTimeZone(zone) ? zone : "UTC" };
}
