// The discount form (create and edit). Works without JavaScript; with it, conform checks the same
// schema in the browser. Dates are in the admin's time zone (named in the descriptions).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField, SelectField, TextareaField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createDiscountSchema, DISCOUNT_KINDS } from "~/domains/commerce/discounts/discount-form";
import { CategoryCheckboxes } from "./category-checkboxes";
import { CheckboxField } from "./checkbox-field";
import { DateTimeField } from "./datetime-field";

export type DiscountFormDefaults = {
  code: string;
  kind: string;
  value: string;
  startsAt: string;
  endsAt: string;
  minSubtotal: string;
  usageLimit: string;
  perCustomerLimit: string;
  productSlugs: string;
  categoryIds: string[];
  isActive?: "on";
};

export function DiscountForm({
  id,
  intent,
  currency,
  timeZone,
  categories,
  lastResult,
  defaultValue,
  usedCount = 0,
}: {
  id: string;
  intent: "create" | "update";
  currency: string;
  timeZone: string;
  categories: Array<{ id: string; name: string }>;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: DiscountFormDefaults;
  usedCount?: number;
}) {
  const { t } = useTranslation("pricing");
  const schema = createDiscountSchema((key, options) => t(key, options ?? {}) as string, { currency, timeZone });
  const [form, fields] = useValidatedForm({ id, schema, lastResult, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError id={form.errorId} errors={form.errors} />
      <InputField
        meta={fields.code}
        label={t("discounts.code")}
        description={t("discounts.codeHelp")}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        meta={fields.kind}
        label={t("discounts.kind")}
        options={DISCOUNT_KINDS.map((kind) => ({ value: kind, label: t(`discounts.kinds.${kind}`) }))}
      />
      <InputField
        meta={fields.value}
        inputMode="decimal"
        label={t("discounts.value")}
        description={t("discounts.valueHelp", { currency })}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateTimeField
          meta={fields.startsAt}
          label={t("discounts.startsAt")}
          description={t("discounts.dateHelp", { timeZone })}
        />
        <DateTimeField meta={fields.endsAt} label={t("discounts.endsAt")} description={t("discounts.endsAtHelp", { timeZone })} />
      </div>
      <InputField
        meta={fields.minSubtotal}
        inputMode="decimal"
        label={t("discounts.minSubtotal", { currency })}
        description={t("discounts.minSubtotalHelp")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          meta={fields.usageLimit}
          type="number"
          min={Math.max(1, usedCount)}
          label={t("discounts.usageLimit")}
          description={usedCount > 0 ? t("discounts.usageLimitUsed", { count: usedCount }) : t("discounts.usageLimitHelp")}
        />
        <InputField
          meta={fields.perCustomerLimit}
          type="number"
          min={1}
          label={t("discounts.perCustomerLimit")}
          description={t("discounts.perCustomerLimitHelp")}
        />
      </div>
      <TextareaField
        meta={fields.productSlugs}
        rows={3}
        label={t("discounts.products")}
        description={t("discounts.productsHelp")}
      />
      <CategoryCheckboxes meta={fields.categoryIds} categories={categories} />
      <CheckboxField meta={fields.isActive} label={t("discounts.active")} description={t("discounts.activeHelp")} />
      <SubmitButton name="intent" value={intent} pendingLabel={t("common.saving")}>
        {intent === "create" ? t("discounts.create") : t("common.save")}
      </SubmitButton>
    </Form>
  );
}
