import { Outlet } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { PublicLayout } from "~/components/layout/public-layout";

export default function PublicRoute() {
  return (
    <PublicLayout>
      <Outlet />
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return (
    <PublicLayout>
      <ErrorPage />
    </PublicLayout>
  );
}
