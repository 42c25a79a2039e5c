// The product page's reviews: the average and count of approved reviews, the reviews themselves,
// and what the viewer may do (write one, see the state of theirs, or how to become eligible).
import type { SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PublicReview } from "~/domains/commerce/storefront/product-page.server";
import { formatDate } from "~/utils/dates";
import { ReviewForm } from "./review-form";
import { formatRating, Stars } from "./stars";

export type ViewerReviewState = "anonymous" | "can_review" | "not_delivered" | "pending" | "approved" | "rejected";

export function ReviewsSection({
  rating,
  reviews,
  viewer,
  loginHref,
  lastResult,
  locale,
  timeZone,
}: {
  rating: { average: number; count: number };
  reviews: PublicReview[];
  viewer: ViewerReviewState;
  loginHref: string;
  lastResult: SubmissionResult<string[]> | null;
  locale: string;
  timeZone: string;
}) {
  const { t } = useTranslation("shop");
  return (
    <section aria-labelledby="reviews-heading" id="reviews" className="space-y-4">
      <h2 id="reviews-heading" className="text-2xl font-bold">
        {t("reviews.heading")}
      </h2>
      {rating.count > 0 ? (
        <p className="flex items-center gap-2" data-testid="rating-summary">
          <Stars rating={rating.average} />
          <span>{t("reviews.summary", { average: formatRating(rating.average, locale), count: rating.count })}</span>
        </p>
      ) : (
        <p className="text-slate-700">{t("reviews.none")}</p>
      )}
      {reviews.length > 0 ? (
        <ul className="space-y-4">
          {reviews.map((review) => (
            <li key={review.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="review">
              <article aria-labelledby={`review-${review.id}`}>
                <h3 id={`review-${review.id}`} className="font-semibold">
                  {review.title}
                </h3>
                <p className="text-sm text-slate-700">
                  <Stars rating={review.rating} /> {t("reviews.byline", { author: review.author })} ·{" "}
                  <time dateTime={review.createdAt}>{formatDate(review.createdAt, { locale, timeZone })}</time>
                </p>
                <p className="mt-2 whitespace-pre-line">{review.body}</p>
              </article>
            </li>
          ))}
        </ul>
      ) : null}
      {viewer === "can_review" ? <ReviewForm lastResult={lastResult} /> : null}
      {viewer === "anonymous" ? (
        <p className="text-sm text-slate-700">
          {t("reviews.anonymous")}{" "}
          <Link to={loginHref} className="text-brand-700 underline">
            {t("reviews.signIn")}
          </Link>
        </p>
      ) : null}
      {viewer === "not_delivered" ? <p className="text-sm text-slate-700">{t("reviews.notDelivered")}</p> : null}
      {viewer === "pending" || viewer === "approved" || viewer === "rejected" ? (
        <p className="rounded-md bg-slate-100 p-3 text-sm" data-testid="own-review-state">
          {t(`reviews.own.${viewer}`)}
        </p>
      ) : null}
    </section>
  );
}
