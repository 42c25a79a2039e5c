// The shipping and taxes section's frame: only a breadcrumb; each child route guards and loads its own data.
import { Outlet } from "@remix-run/react";

export const handle = { breadcrumb: "admin:nav.shipping", i18n: ["admin", "pricing"] };

export default function ShippingSection() {
  return <Outlet />;
}
