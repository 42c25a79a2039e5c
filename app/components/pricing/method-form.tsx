// The shipping method form (add and edit): name, flat rate, free-above threshold, order, active.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createMethodSchema } from "~/domains/commerce/shipping/shipping-form";
import { CheckboxField } from "./checkbox-field";

export function MethodForm({
  id,
  intent,
  currency,
  lastResult,
  defaultValue,
}: {
  id: string;
  intent: string;
  currency: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: { name: string; rate: string; freeAbove: string; position: string; isActive?: "on" };
}) {
  const { t } = useTranslation("pricing");
  const schema = createMethodSchema((key, options) => t(key, options ?? {}) as string, currency);
  const [form, fields] = useValidatedForm({ id, schema, lastResult, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError id={form.errorId} errors={form.errors} />
      <InputField meta={fields.name} label={t("methods.name")} autoComplete="off" />
      <InputField
        meta={fields.rate}
        inputMode="decimal"
        label={t("methods.rate", { currency })}
        description={t("methods.rateHelp")}
      />
      <InputField
        meta={fields.freeAbove}
        inputMode="decimal"
        label={t("methods.freeAbove", { currency })}
        description={t("methods.freeAboveHelp")}
      />
      <InputField
        meta={fields.position}
        type="number"
        min={0}
        label={t("methods.position")}
        description={t("methods.positionHelp")}
      />
      <CheckboxField meta={fields.isActive} label={t("methods.active")} description={t("methods.activeHelp")} />
      <SubmitButton name="intent" value={intent} pendingLabel={t("common.saving")}>
        {intent === "create-method" ? t("methods.create") : t("common.save")}
      </SubmitButton>
    </Form>
  );
}
