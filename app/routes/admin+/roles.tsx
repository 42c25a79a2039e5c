// The roles section's frame: only a breadcrumb; each child route guards and loads its own data.
import { Outlet } from "@remix-run/react";

export const handle = { breadcrumb: "admin:nav.roles", i18n: ["admin"] };

export default function RolesSection() {
  return <Outlet />;
}
