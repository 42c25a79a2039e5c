// Breadcrumbs from route handles: a route adds `handle = { breadcrumb: "admin:nav.users" }`
// (an i18n key) or `handle = { breadcrumb: (data) => "label" }` for a record's own name.
import { Link, useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type BreadcrumbHandle = { breadcrumb?: string | ((data: unknown) => string) };

export function Breadcrumbs() {
  const { t } = useTranslation();
  const crumbs = useMatches()
    .map((match) => {
      const handle = match.handle as BreadcrumbHandle | undefined;
      if (!handle?.breadcrumb) return null;
      const label = typeof handle.breadcrumb === "function" ? handle.breadcrumb(match.data) : t(handle.breadcrumb);
      return { id: match.id, label, to: match.pathname };
    })
    .filter((crumb): crumb is { id: string; label: string; to: string } => crumb !== null);
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label={t("nav.breadcrumbs")} className="text-sm text-slate-700">
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((crumb, index) => (
          <li key={crumb.id} className="flex items-center gap-1">
            {index > 0 ? <span aria-hidden="true">/</span> : null}
            {index === crumbs.length - 1 ? (
              <span aria-current="page" className="font-medium text-slate-900">
                {crumb.label}
              </span>
            ) : (
              <Link to={crumb.to} className="underline hover:text-brand-700">
                {crumb.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
