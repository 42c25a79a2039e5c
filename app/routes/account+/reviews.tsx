// /account/reviews — the customer's own reviews with their moderation state.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Stars } from "~/components/shop/stars";
import { listCustomerReviews } from "~/domains/commerce/storefront/reviews.server";
import { requireUser } from "~/domains/identity/guards.server";
import { i18n } from "~/infra/i18n.server";
import { cn } from "~/utils/cn";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["identity", "shop"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

const BADGE: Record<string, string> = {
  pending: "bg-amber-100 text-amber-900",
  approved: "bg-emerald-100 text-emerald-900",
  rejected: "bg-slate-200 text-slate-900",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale, reviews] = await Promise.all([
    i18n.getFixedT(request, "shop"),
    i18n.getLocale(request),
    listCustomerReviews(user.id),
  ]);
  return data(
    {
      title: t("account.title"),
      reviews: reviews.map((review) => ({
        id: review.id,
        rating: review.rating,
        title: review.title,
        body: review.body,
        status: review.status,
        createdAtIso: review.createdAt.toISOString(),
        createdAt: formatDate(review.createdAt, { locale, timeZone: user.timeZone }),
        product: { title: review.product.title, slug: review.product.slug, visible: review.product.status === "active" },
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function AccountReviews() {
  const { reviews } = useLoaderData<typeof loader>();
  const { t } = useTranslation("shop");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("account.title")}</h1>
      <p className="text-slate-700">{t("account.lead")}</p>
      {reviews.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t("account.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {reviews.map((review) => (
            <li key={review.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="my-review">
              <article aria-labelledby={`my-review-${review.id}`} className="space-y-1">
                <h2 id={`my-review-${review.id}`} className="font-semibold">
                  {review.title}
                </h2>
                <p className="text-sm">
                  {review.product.visible ? (
                    <Link to={`/shop/${review.product.slug}`} className="text-brand-700 underline">
                      {review.product.title}
                    </Link>
                  ) : (
                    review.product.title
                  )}{" "}
                  · <time dateTime={review.createdAtIso}>{review.createdAt}</time>
                </p>
                <p className="flex items-center gap-2 text-sm">
                  <Stars rating={review.rating} />
                  <span className={cn("rounded px-2 py-0.5 text-xs font-semibold", BADGE[review.status])}>
                    {t(`account.status.${review.status}`)}
                  </span>
                </p>
                <p className="whitespace-pre-line">{review.body}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
