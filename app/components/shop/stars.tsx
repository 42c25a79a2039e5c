// A star rating: five glyphs for sighted readers, "Rated 4 out of 5" for screen readers.
import { useTranslation } from "react-i18next";

export function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation("shop");
  const full = Math.round(rating);
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden="true" className="text-amber-700">
        {"★".repeat(full)}
        <span className="text-slate-400">{"★".repeat(Math.max(0, 5 - full))}</span>
      </span>
      <span className="sr-only">{t("reviews.ratedLabel", { rating: Number(rating.toFixed(1)) })}</span>
    </span>
  );
}
