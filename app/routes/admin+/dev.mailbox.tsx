// The development mailbox section's frame: only a breadcrumb; each child route guards and loads its own data.
import { Outlet } from "@remix-run/react";

export const handle = { breadcrumb: "admin:nav.mailbox", i18n: ["admin"] };

export default function MailboxSection() {
  return <Outlet />;
}
