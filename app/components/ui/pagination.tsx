// Page links as plain query strings: works without JavaScript, keeps the other filters.
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t("pagination.label")} className="flex items-center justify-between gap-4 py-3 text-sm">
      <p>{t("pagination.summary", { from, to, total })}</p>
      <div className="flex items-center gap-3">
        {page > 1 ? (
          <Link to={href(page - 1)} rel="prev" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
            {t("pagination.previous")}
          </Link>
        ) : null}
        <span aria-current="page">{t("pagination.page", { page, pages })}</span>
        {page < pages ? (
          <Link to={href(page + 1)} rel="next" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
            {t("pagination.next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
