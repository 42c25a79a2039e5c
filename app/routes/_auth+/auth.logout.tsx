// Log out: POST only (with the CSRF token); a GET just goes home.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/domains/identity/login-session.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { identityT } from "./components/translate.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await parseFormWithCsrf(request);
  const t = await identityT(request);
  return endSession(request, { redirectTo: "/", toast: { kind: "success", message: t("auth.logout.done") } });
}
