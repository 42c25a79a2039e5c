// Subtotal, discount, shipping, tax, total, gift cards and the amount due, as a description list.
import { useTranslation } from "react-i18next";
import { formatMoney } from "~/utils/money";
import { AmountRows, type AmountRow } from "./amount-rows";

export type SummaryTotals = {
  merchandiseSubtotal: number;
  discountTotal: number;
  discountCode: string | null;
  /** null: not chosen yet (shown as "calculated in the next step"). */
  shippingTotal: number | null;
  requiresShipping: boolean;
  taxTotal: number;
  grandTotal: number;
  giftCards: Array<{ code: string; amount: number }>;
  giftCardTotal: number;
  amountDue: number;
  refundedTotal?: number;
};

export function TotalsList({ totals, currency, locale }: { totals: SummaryTotals; currency: string; locale: string }) {
  const { t } = useTranslation("checkout");
  const money = (value: number) => formatMoney(value, currency, locale);
  const rows: AmountRow[] = [{ key: "subtotal", label: t("totals.subtotal"), value: money(totals.merchandiseSubtotal) }];
  if (totals.discountTotal > 0) {
    rows.push({
      key: "discount",
      label: t("totals.discount", { code: totals.discountCode ?? "" }),
      value: money(-totals.discountTotal),
    });
  }
  if (totals.requiresShipping) {
    rows.push({
      key: "shipping",
      label: t("totals.shipping"),
      value:
        totals.shippingTotal === null
          ? t("totals.shippingPending")
          : totals.shippingTotal === 0
            ? t("totals.free")
            : money(totals.shippingTotal),
    });
  }
  rows.push({ key: "tax", label: t("totals.tax"), value: money(totals.taxTotal) });
  rows.push({ key: "total", label: t("totals.total"), value: money(totals.grandTotal), strong: true, testId: "grand-total" });
  if (totals.giftCardTotal > 0) {
    const used = totals.giftCards.filter((card) => card.amount > 0);
    for (const card of used) {
      rows.push({
        key: `gift-${card.code}`,
        label: t("totals.giftCard", { code: maskCode(card.code) }),
        value: money(-card.amount),
      });
    }
    if (used.length === 0) rows.push({ key: "gift", label: t("totals.giftCards"), value: money(-totals.giftCardTotal) });
    rows.push({ key: "due", label: t("totals.amountDue"), value: money(totals.amountDue), strong: true, testId: "amount-due" });
  }
  if (totals.refundedTotal) {
    rows.push({ key: "refunded", label: t("totals.refunded"), value: money(-totals.refundedTotal) });
  }
  return <AmountRows rows={rows} />;
}

/** "ABCD-…-WXYZ": enough to recognise a card without printing its whole code on the page. */
function maskCode(code: string): string {
  return code.length > 8 ? `${code.slice(0, 4)}…${code.slice(-4)}` : code;
}
