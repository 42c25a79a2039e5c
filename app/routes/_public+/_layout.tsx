import { Outlet } from "@remix-run/react";
import { PublicErrorPage } from "~/components/layout/public-error-page";
import { PublicLayout } from "~/components/layout/public-layout";

export default function PublicRoute() {
  return (
    <PublicLayout>
      <Outlet />
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return <PublicErrorPage />;
}
