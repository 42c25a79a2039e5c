import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { AdminLayout, type AdminNavItem } from "~/components/layout/admin-layout";
import { ErrorPage } from "~/components/layout/error-page";
import { PublicErrorPage } from "~/components/layout/public-error-page";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS, type PermissionString } from "~/domains/identity/permissions";
import { isDevMailboxEnabled } from "~/domains/platform/email/email-log.server";

export const handle = { breadcrumb: "admin:nav.dashboard", i18n: ["admin"] };

const NAV: Array<AdminNavItem & { permission: PermissionString }> = [
  { to: "/admin", labelKey: "admin:nav.dashboard", end: true, permission: PERMISSIONS.readAdminAny },
  { to: "/admin/users", labelKey: "admin:nav.users", permission: PERMISSIONS.readUserAny },
  { to: "/admin/roles", labelKey: "admin:nav.roles", permission: PERMISSIONS.readRoleAny },
  { to: "/admin/audit", labelKey: "admin:nav.audit", permission: PERMISSIONS.readAuditAny },
  { to: "/admin/api-keys", labelKey: "admin:nav.apiKeys", permission: PERMISSIONS.createApiKeyAny },
  { to: "/admin/exports", labelKey: "admin:nav.exports", permission: PERMISSIONS.createExportOwn },
  { to: "/admin/emails", labelKey: "admin:nav.emails", permission: PERMISSIONS.readEmailAny },
  { to: "/admin/tasks", labelKey: "admin:nav.tasks", permission: PERMISSIONS.readTaskAny },
  { to: "/admin/webhooks", labelKey: "admin:nav.webhooks", permission: PERMISSIONS.readWebhookAny },
  { to: "/admin/shop/orders", labelKey: "admin:nav.orders", permission: PERMISSIONS.readOrderAny },
  { to: "/admin/shop/products", labelKey: "admin:nav.products", permission: PERMISSIONS.readShopAny },
  { to: "/admin/shop/categories", labelKey: "admin:nav.categories", permission: PERMISSIONS.readShopAny },
  { to: "/admin/shop/collections", labelKey: "admin:nav.collections", permission: PERMISSIONS.readShopAny },
  { to: "/admin/shop/inventory", labelKey: "admin:nav.inventory", permission: PERMISSIONS.readShopAny },
  { to: "/admin/shop/discounts", labelKey: "admin:nav.discounts", permission: PERMISSIONS.readShopAny },
  { to: "/admin/shop/gift-cards", labelKey: "admin:nav.giftCards", permission: PERMISSIONS.readShopAny },
  { to: "/admin/shop/shipping", labelKey: "admin:nav.shipping", permission: PERMISSIONS.readShopAny },
  { to: "/admin/shop/reviews", labelKey: "admin:nav.reviews", permission: PERMISSIONS.moderateReviewAny },
  { to: "/admin/shop/settings", labelKey: "admin:nav.shopSettings", permission: PERMISSIONS.updateShopAny },
  { to: "/admin/settings", labelKey: "admin:nav.settings", permission: PERMISSIONS.updateSettingsAny },
  { to: "/admin/dev/mailbox", labelKey: "admin:nav.mailbox", permission: PERMISSIONS.readMailboxAny },
];

// This guard only decides what the sidebar shows; every admin route checks its own permission.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.readAdminAny);
  const mailbox = isDevMailboxEnabled();
  return {
    nav: NAV.filter((item) => userCan(user, item.permission) && (mailbox || item.to !== "/admin/dev/mailbox")).map(
      ({ permission: _p, ...item }) => item,
    ),
  };
}

export default function AdminRoute() {
  const { nav } = useLoaderData<typeof loader>();
  return (
    <AdminLayout nav={nav}>
      <Outlet />
    </AdminLayout>
  );
}

// A child route's error (403 for a missing permission, 404) renders inside the admin frame; when this
// layout's own guard refused (signed in without admin access), inside the public frame.
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>("routes/admin+/_layout");
  if (!layout) {
    return <PublicErrorPage />;
  }
  return (
    <AdminLayout nav={layout.nav}>
      <ErrorPage />
    </AdminLayout>
  );
}
