import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicErrorPage } from "~/components/layout/public-error-page";
import { PublicLayout } from "~/components/layout/public-layout";
import { headerCartCount } from "~/domains/commerce/cart/cart.server";

export const handle = { i18n: ["cart"] };

/** The header's cart count: 0 (and no query at all) for a visitor with neither a session nor a cart cookie. */
export async function loader({ request }: LoaderFunctionArgs) {
  return { cartCount: await headerCartCount(request) };
}

export default function PublicRoute() {
  const { cartCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation("cart");
  return (
    <PublicLayout cart={cartCount > 0 ? { count: cartCount, itemsLabel: t("navItems", { count: cartCount }) } : undefined}>
      <Outlet />
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return <PublicErrorPage />;
}
