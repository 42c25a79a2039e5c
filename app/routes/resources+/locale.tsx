// The language switcher's target: remembers the choice in a cookie and goes back where it came from.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { localeCookie } from "~/infra/cookies.server";
import { parseStorefrontForm } from "~/infra/csrf.server";
import { isLanguage } from "~/infra/i18n";
import { safeRedirect } from "~/utils/safe-redirect";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  // A token when the page had one; on cached anonymous shop pages, the Origin check instead.
  const form = await parseStorefrontForm(request);
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isLanguage(locale)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
