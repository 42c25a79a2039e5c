// 404, 403 and 500 pages. Unexpected errors never show their message or stack to users;
// they are logged on the server with the request id (entry.server handleError).
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key =
    status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 429
          ? "tooMany"
          : status === 401
            ? "unauthorized"
            : "server";
  return (
    <section className="mx-auto max-w-xl px-6 py-20 text-center" aria-labelledby="error-title">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold tracking-tight">
        {t(`errors.${key}.title`)}
      </h1>
      <p className="mt-4 text-slate-700">{t(`errors.${key}.body`)}</p>
      <p className="mt-8">
        <Link to="/" className="font-medium text-brand-700 underline">
          {t("errors.home")}
        </Link>
      </p>
    </section>
  );
}
