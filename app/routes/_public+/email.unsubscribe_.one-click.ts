// /email/unsubscribe/one-click?token=… — RFC 8058 one-click unsubscribe: the mail provider POSTs
// `List-Unsubscribe=One-Click` to the URL from the List-Unsubscribe header, without cookies. The
// signed token is the authentication, so there is no CSRF token (and this is a .ts resource route,
// not a form page). A person who opens the URL in a browser is sent to the confirmation page.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domains/errors";
import { unsubscribe } from "~/domains/platform/email/unsubscribe.server";

const MAX_BODY = 1000;

function text(body: string, status: number) {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return redirect(`/email/unsubscribe?${new URLSearchParams({ token })}`);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Method not allowed", 405);
  const body = (await request.text()).slice(0, MAX_BODY);
  if (new URLSearchParams(body).get("List-Unsubscribe") !== "One-Click") return text("Expected List-Unsubscribe=One-Click", 400);
  try {
    await unsubscribe({
      token: new URL(request.url).searchParams.get("token"),
      via: "one-click",
      ipAddress: context.clientIp ?? null,
    });
  } catch (error) {
    if (isDomainError(error, "invalid_token")) return text("Invalid unsubscribe link", 400);
    throw error;
  }
  return text("Unsubscribed", 200);
}
