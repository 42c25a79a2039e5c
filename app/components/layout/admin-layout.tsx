// The admin dashboards' frame: sidebar navigation (links the viewer may open), breadcrumbs, content.
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn";
import { Breadcrumbs } from "./breadcrumbs";
import { SkipLink } from "./skip-link";
import { UserMenu } from "./user-menu";

export type AdminNavItem = { to: string; labelKey: string; end?: boolean };

export function AdminLayout({ nav, children }: { nav: AdminNavItem[]; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
        <NavLink to="/admin" className="font-bold text-brand-800">
          Verso · {t("admin:title")}
        </NavLink>
        <UserMenu />
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <nav aria-label={t("admin:nav.label")} className="border-b border-slate-200 bg-white md:w-56 md:border-r md:border-b-0">
          <ul className="flex flex-wrap gap-1 p-2 md:flex-col">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  className={({ isActive }) =>
                    cn(
                      "block rounded px-3 py-2 text-sm hover:bg-slate-100",
                      isActive && "bg-brand-50 font-semibold text-brand-800",
                    )
                  }
                >
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="flex-1 space-y-4 p-6">
          <Breadcrumbs />
          {children}
        </main>
      </div>
    </div>
  );
}
