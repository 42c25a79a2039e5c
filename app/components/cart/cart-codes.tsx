// The discount code form (one code; its reason shown next to it when it does not apply) and the
// gift card forms (each applied card with what it pays, or why it cannot).
import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { discountSchema, giftCardSchema, MAX_GIFT_CARDS, type Translate } from "~/domains/commerce/cart/cart-forms";
import { formatMoney } from "~/utils/money";
import type { CartView } from "./cart-view.server";

function RemoveButton({ intent, code, label, text }: { intent: string; code?: string; label: string; text: string }) {
  return (
    <Form method="post" action="/cart" className="inline">
      <AuthenticityTokenInput />
      {code ? <input type="hidden" name="code" value={code} /> : null}
      <SubmitButton variant="link" name="intent" value={intent} aria-label={label}>
        {text}
      </SubmitButton>
    </Form>
  );
}

/** One code field and its Apply button, posted to /cart with `intent`; errors show next to the field. */
function CodeEntryForm({
  formProps,
  meta,
  intent,
  label,
  description,
  applyText,
  applyingText,
}: {
  formProps: ReturnType<typeof getFormProps>;
  meta: FieldMetadata<string | undefined | null>;
  intent: string;
  label: string;
  description: string;
  applyText: string;
  applyingText: string;
}) {
  return (
    <Form method="post" action="/cart" {...formProps} className="flex flex-wrap items-start gap-2">
      <AuthenticityTokenInput />
      <InputField
        meta={meta}
        label={label}
        description={description}
        autoComplete="off"
        autoCapitalize="characters"
        className="min-w-48 flex-1"
      />
      <SubmitButton variant="secondary" name="intent" value={intent} pendingLabel={applyingText} className="mt-6">
        {applyText}
      </SubmitButton>
    </Form>
  );
}

export function DiscountCodeForm({ view, lastResult }: { view: CartView; lastResult: SubmissionResult<string[]> | null }) {
  const { t, i18n } = useTranslation("cart");
  const [form, fields] = useValidatedForm({ id: "discount", schema: discountSchema(t as Translate), lastResult });
  const money = (value: number) => formatMoney(value, view.currency, i18n.language);
  const current = view.discount;
  return (
    <section aria-labelledby="discount-heading" className="space-y-3">
      <h2 id="discount-heading" className="text-lg font-semibold">
        {t("discount.heading")}
      </h2>
      {current ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="discount-current">
          <p className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-mono font-semibold">{current.code}</span>
              {current.refusal ? null : <> · −{money(current.amount)}</>}
            </span>
            <RemoveButton
              intent="remove-discount"
              label={t("discount.removeLabel", { code: current.code })}
              text={t("discount.remove")}
            />
          </p>
          {current.refusal ? (
            <p className="mt-1 font-medium text-red-800" data-testid="discount-refusal">
              {t("discount.pending", { code: current.code })} {current.refusal}
            </p>
          ) : null}
        </div>
      ) : null}
      <CodeEntryForm
        formProps={getFormProps(form)}
        meta={fields.code}
        intent="apply-discount"
        label={t("discount.label")}
        description={t("discount.help")}
        applyText={t("discount.apply")}
        applyingText={t("discount.applying")}
      />
    </section>
  );
}

export function GiftCardForms({ view, lastResult }: { view: CartView; lastResult: SubmissionResult<string[]> | null }) {
  const { t, i18n } = useTranslation("cart");
  const [form, fields] = useValidatedForm({ id: "gift-card", schema: giftCardSchema(t as Translate), lastResult });
  const money = (value: number) => formatMoney(value, view.currency, i18n.language);
  return (
    <section aria-labelledby="gift-cards-heading" className="space-y-3">
      <h2 id="gift-cards-heading" className="text-lg font-semibold">
        {t("giftCards.heading")}
      </h2>
      {view.giftCards.length > 0 ? (
        <ul className="space-y-2 text-sm">
          {view.giftCards.map((card) => (
            <li key={card.code} className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="gift-card-applied">
              <p className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-mono font-semibold">{card.display}</span>
                <RemoveButton
                  intent="remove-gift-card"
                  code={card.code}
                  label={t("giftCards.removeLabel", { code: card.display })}
                  text={t("giftCards.remove")}
                />
              </p>
              {card.refusal ? (
                <p className="mt-1 font-medium text-red-800">{card.refusal}</p>
              ) : (
                <p className="mt-1 text-slate-700">
                  {card.amount > 0 ? t("giftCards.uses", { amount: money(card.amount) }) : t("giftCards.notNeeded")}
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <CodeEntryForm
        formProps={getFormProps(form)}
        meta={fields.code}
        intent="apply-gift-card"
        label={t("giftCards.label")}
        description={t("giftCards.help", { max: MAX_GIFT_CARDS })}
        applyText={t("giftCards.apply")}
        applyingText={t("giftCards.applying")}
      />
    </section>
  );
}
