// The frame of one endpoint's pages (settings and log, one delivery): its breadcrumb. Guards
// itself like every route; the child routes load their own data.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getWebhookEndpoint } from "~/domains/platform/webhooks/endpoints.server";

export const handle = {
  i18n: ["admin", "webhooks"],
  breadcrumb: (loaderData: unknown) => (loaderData as { label?: string } | undefined)?.label ?? "…",
};

/** "hooks.example.com/path": enough to tell endpoints apart in a breadcrumb. */
function shortLabel(url: string) {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.readWebhookAny);
  const endpoint = await getWebhookEndpoint({ endpointId: params.endpointId ?? "" });
  if (!endpoint) throw new Response("Not found", { status: 404 });
  return { label: shortLabel(endpoint.url) };
}

export default function WebhookEndpointFrame() {
  return <Outlet />;
}
