// The cart's totals before shipping and tax (those need the address: checkout adds them), the
// gift cards' share, and the Checkout button (POST /checkout intent=start).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { AmountRows, type AmountRow } from "~/components/checkout/amount-rows";
import { formatMoney } from "~/utils/money";
import type { CartView } from "./cart-view.server";

export function CartSummary({ view }: { view: CartView }) {
  const { t, i18n } = useTranslation("cart");
  const money = (value: number) => formatMoney(value, view.currency, i18n.language);
  const rows: AmountRow[] = [
    { key: "subtotal", label: t("summary.subtotal"), value: money(view.merchandiseSubtotal), testId: "cart-subtotal" },
  ];
  if (view.discount && view.discount.amount > 0) {
    rows.push({
      key: "discount",
      label: t("summary.discount", { code: view.discount.code }),
      value: money(-view.discount.amount),
      testId: "cart-discount",
    });
  }
  rows.push({
    key: "total",
    label: t("summary.totalBeforeShipping"),
    value: money(view.totalBeforeShipping),
    strong: true,
    testId: "cart-total",
  });
  const cards = view.giftCards.filter((card) => card.amount > 0);
  for (const card of cards) {
    rows.push({ key: `gift-${card.code}`, label: t("summary.giftCard", { code: card.display }), value: money(-card.amount) });
  }
  if (cards.length > 0) {
    rows.push({
      key: "due",
      label: t("summary.amountDue"),
      value: money(view.amountDue),
      strong: true,
      testId: "cart-amount-due",
    });
  }
  return (
    <section aria-labelledby="summary-heading" className="space-y-4 self-start rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="summary-heading" className="text-lg font-semibold">
        {t("summary.heading")}
      </h2>
      <AmountRows rows={rows} />
      <p className="text-sm text-slate-700">{t("summary.shippingNote")}</p>
      <Form method="post" action="/checkout">
        <AuthenticityTokenInput />
        <SubmitButton
          name="intent"
          value="start"
          className="w-full"
          disabled={!view.canCheckout}
          aria-describedby={view.canCheckout ? undefined : "checkout-blocked"}
          pendingLabel={t("summary.checkingOut")}
        >
          {t("summary.checkout")}
        </SubmitButton>
      </Form>
      {view.canCheckout ? null : (
        <p id="checkout-blocked" className="text-sm font-medium text-red-800">
          {t("summary.fixFirst")}
        </p>
      )}
    </section>
  );
}
