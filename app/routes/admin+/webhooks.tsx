// The webhooks section's frame: only a breadcrumb; each child route guards and loads its own data.
import { Outlet } from "@remix-run/react";

export const handle = { breadcrumb: "admin:nav.webhooks", i18n: ["admin", "webhooks"] };

export default function WebhooksSection() {
  return <Outlet />;
}
