// A star rating: five glyphs for sighted readers, "Rated 4 out of 5" for screen readers.
import { useTranslation } from "react-i18next";

/** 4.25 → "4.3" (en) / "4,3" (es): at most one decimal (`minimumDecimals` 1 keeps "4.0"), in the reader's notation. */
export function formatRating(rating: number, locale: string, minimumDecimals: 0 | 1 = 1): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: minimumDecimals, maximumFractionDigits: 1 }).format(rating);
}

export function Stars({ rating }: { rating: number }) {
  const { t, i18n } = useTranslation("shop");
  const full = Math.round(rating);
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden="true" className="text-amber-700">
        {"★".repeat(full)}
        <span className="text-slate-400">{"★".repeat(Math.max(0, 5 - full))}</span>
      </span>
      <span className="sr-only">{t("reviews.ratedLabel", { rating: formatRating(rating, i18n.language, 0) })}</span>
    </span>
  );
}
