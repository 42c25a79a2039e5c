// The signed-in person's own area: section navigation beside the content, inside the public frame.
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn";
import { PublicLayout } from "./public-layout";

const SECTIONS = [
  { to: "/account", labelKey: "identity:account.nav.profile", end: true },
  { to: "/account/security", labelKey: "identity:account.nav.security", end: true },
  { to: "/account/security/mfa", labelKey: "identity:account.nav.mfa" },
  { to: "/account/security/sessions", labelKey: "identity:account.nav.sessions" },
  { to: "/account/security/api-keys", labelKey: "identity:account.nav.apiKeys" },
  { to: "/account/orders", labelKey: "orders:account.nav" },
  { to: "/account/reviews", labelKey: "shop:account.nav" },
];

export function AccountLayout({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <div className="flex flex-col gap-8 md:flex-row">
        <nav aria-label={t("identity:account.nav.label")} className="md:w-56">
          <ul className="space-y-1">
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink
                  to={section.to}
                  end={section.end}
                  className={({ isActive }) =>
                    cn(
                      "block rounded px-3 py-2 text-sm hover:bg-slate-100",
                      isActive && "bg-brand-50 font-semibold text-brand-800",
                    )
                  }
                >
                  {t(section.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 flex-1 space-y-6">{children}</div>
      </div>
    </PublicLayout>
  );
}
