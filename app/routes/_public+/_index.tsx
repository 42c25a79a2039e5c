import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18n } from "~/infra/i18n.server";

// meta() runs outside React, so the page's title and description are translated on the server
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18n.getFixedT(request, "common");
  return { title: t("home.metaTitle"), description: t("home.metaDescription") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Verso" },
  ...(data?.description ? [{ name: "description", content: data.description }] : []),
];

export default function HomePage() {
  const { t } = useTranslation();
  const features = ["shop", "content", "booking", "crm", "team"] as const;
  return (
    <div className="space-y-12">
      <section className="space-y-4">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900">{t("home.title")}</h1>
        <p className="max-w-2xl text-lg text-slate-700">{t("home.lead")}</p>
        <p>
          <Link
            to="/auth/register"
            className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("home.cta")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="features-title">
        <h2 id="features-title" className="text-2xl font-semibold">
          {t("home.featuresTitle")}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {features.map((key) => (
            <li key={key} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{t(`home.features.${key}.title`)}</h3>
              <p className="mt-1 text-sm text-slate-700">{t(`home.features.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
