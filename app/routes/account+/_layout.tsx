import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { AccountLayout } from "~/components/layout/account-layout";
import { ErrorPage } from "~/components/layout/error-page";
import { requireUser } from "~/domains/identity/guards.server";

export const handle = { i18n: ["identity", "orders"] };

// Only for the frame; every account route checks the session itself.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function AccountRoute() {
  return (
    <AccountLayout>
      <Outlet />
    </AccountLayout>
  );
}

export function ErrorBoundary() {
  return (
    <AccountLayout>
      <ErrorPage />
    </AccountLayout>
  );
}
