// Issue a gift card: amount, optional expiry (admin's time zone), optional recipient who gets the
// code by e-mail in their language, and an internal note.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField, SelectField, TextareaField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createIssueGiftCardSchema, GIFT_CARD_LOCALES } from "~/domains/commerce/gift-cards/gift-card-form";
import { DateTimeField } from "./datetime-field";

export function IssueGiftCardForm({
  currency,
  timeZone,
  lastResult,
}: {
  currency: string;
  timeZone: string;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t, i18n } = useTranslation("pricing");
  const schema = createIssueGiftCardSchema((key, options) => t(key, options ?? {}) as string, { currency, timeZone });
  const [form, fields] = useValidatedForm({
    id: "issue-gift-card",
    schema,
    lastResult,
    defaultValue: { recipientLocale: i18n.language === "es" ? "es" : "en" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError id={form.errorId} errors={form.errors} />
      <InputField meta={fields.amount} inputMode="decimal" label={t("giftCards.amount", { currency })} />
      <DateTimeField
        meta={fields.expiresAt}
        label={t("giftCards.expiresAt")}
        description={t("giftCards.expiresAtHelp", { timeZone })}
      />
      <InputField
        meta={fields.recipientEmail}
        type="email"
        label={t("giftCards.recipientEmail")}
        description={t("giftCards.recipientEmailHelp")}
        autoComplete="off"
      />
      <SelectField
        meta={fields.recipientLocale}
        label={t("giftCards.recipientLocale")}
        options={GIFT_CARD_LOCALES.map((locale) => ({ value: locale, label: t(`giftCards.locales.${locale}`) }))}
      />
      <TextareaField meta={fields.note} rows={2} label={t("giftCards.note")} description={t("giftCards.noteHelp")} />
      <SubmitButton name="intent" value="issue" pendingLabel={t("giftCards.issuing")}>
        {t("giftCards.issue")}
      </SubmitButton>
    </Form>
  );
}
