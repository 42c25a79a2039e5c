// The orders section's frame: only a breadcrumb; each child route guards and loads its own data.
import { Outlet } from "@remix-run/react";

export const handle = { breadcrumb: "admin:nav.orders", i18n: ["admin", "orders"] };

export default function OrdersSection() {
  return <Outlet />;
}
