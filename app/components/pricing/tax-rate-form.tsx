// The tax rate form (add and edit): name, country, optional region, percentage, shipping taxed.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createTaxRateSchema } from "~/domains/commerce/taxes/tax-form";
import { CheckboxField } from "./checkbox-field";

export function TaxRateForm({
  id,
  intent,
  lastResult,
  defaultValue,
}: {
  id: string;
  intent: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: { name: string; country: string; region: string; rate: string; shippingTaxable?: "on" };
}) {
  const { t } = useTranslation("pricing");
  const schema = createTaxRateSchema((key, options) => t(key, options ?? {}) as string);
  const [form, fields] = useValidatedForm({ id, schema, lastResult, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError id={form.errorId} errors={form.errors} />
      <InputField meta={fields.name} label={t("taxes.name")} autoComplete="off" />
      <InputField
        meta={fields.country}
        label={t("taxes.country")}
        description={t("taxes.countryHelp")}
        maxLength={2}
        spellCheck={false}
      />
      <InputField
        meta={fields.region}
        label={t("taxes.region")}
        description={t("taxes.regionHelp")}
        maxLength={3}
        spellCheck={false}
      />
      <InputField meta={fields.rate} inputMode="decimal" label={t("taxes.rate")} description={t("taxes.rateHelp")} />
      <CheckboxField
        meta={fields.shippingTaxable}
        label={t("taxes.shippingTaxable")}
        description={t("taxes.shippingTaxableHelp")}
      />
      <SubmitButton name="intent" value={intent} pendingLabel={t("common.saving")}>
        {intent === "create-tax-rate" ? t("taxes.create") : t("common.save")}
      </SubmitButton>
    </Form>
  );
}
