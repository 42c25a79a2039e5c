// The frame of the sign-up and sign-in pages: the public layout with one centred card.
import { Outlet } from "@remix-run/react";
import { PublicErrorPage } from "~/components/layout/public-error-page";
import { PublicLayout } from "~/components/layout/public-layout";

export const handle = { i18n: ["identity"] };

function Card({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
    </div>
  );
}

export default function AuthLayout() {
  return (
    <PublicLayout>
      <Card>
        <Outlet />
      </Card>
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return <PublicErrorPage />;
}
