// The tasks section's frame: only a breadcrumb; each child route guards and loads its own data.
import { Outlet } from "@remix-run/react";

export const handle = { breadcrumb: "admin:nav.tasks", i18n: ["tasks"] };

export default function TasksSection() {
  return <Outlet />;
}
