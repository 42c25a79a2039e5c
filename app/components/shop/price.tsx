// A price as shoppers read it: the amount, "From …" when variants differ, and the compare-at
// price struck through (with its meaning for screen readers) when the product is on sale.
import { useTranslation } from "react-i18next";
import { formatMoney } from "~/utils/money";

export function Price({
  amount,
  compareAt,
  currency,
  from = false,
  className,
}: {
  amount: number;
  compareAt?: number | null;
  currency: string;
  from?: boolean;
  className?: string;
}) {
  const { t, i18n } = useTranslation("shop");
  const format = (value: number) => formatMoney(value, currency, i18n.language);
  const price = format(amount);
  const onSale = compareAt != null && compareAt > amount;
  return (
    <p className={className}>
      <span className="font-semibold" data-testid="price">
        {from ? t("price.from", { price }) : price}
      </span>
      {onSale ? (
        <>
          {" "}
          <span className="sr-only">{t("price.wasLabel")}</span>
          <s className="text-slate-600">{format(compareAt)}</s>{" "}
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">{t("price.sale")}</span>
        </>
      ) : null}
    </p>
  );
}
