// The e-mail log section's frame: only a breadcrumb; each child route guards and loads its own data.
import { Outlet } from "@remix-run/react";

export const handle = { breadcrumb: "admin:nav.emails", i18n: ["admin", "email"] };

export default function EmailsSection() {
  return <Outlet />;
}
