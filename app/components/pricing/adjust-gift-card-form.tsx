// Adjust a gift card's balance: add or take off an amount, with the reason kept in the ledger.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createAdjustGiftCardSchema } from "~/domains/commerce/gift-cards/gift-card-form";

export function AdjustGiftCardForm({
  currency,
  lastResult,
}: {
  currency: string;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("pricing");
  const schema = createAdjustGiftCardSchema((key, options) => t(key, options ?? {}) as string, currency);
  const [form, fields] = useValidatedForm({ id: "adjust-gift-card", schema, lastResult, defaultValue: { direction: "add" } });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError id={form.errorId} errors={form.errors} />
      <SelectField
        meta={fields.direction}
        label={t("giftCards.direction")}
        options={[
          { value: "add", label: t("giftCards.directions.add") },
          { value: "remove", label: t("giftCards.directions.remove") },
        ]}
      />
      <InputField meta={fields.amount} inputMode="decimal" label={t("giftCards.adjustAmount", { currency })} />
      <InputField meta={fields.reason} label={t("giftCards.reason")} description={t("giftCards.reasonHelp")} autoComplete="off" />
      <SubmitButton name="intent" value="adjust" pendingLabel={t("common.saving")}>
        {t("giftCards.adjust")}
      </SubmitButton>
    </Form>
  );
}
