// The shipping zone form (add and edit): a name and the countries it covers ("*" = rest of world).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createZoneSchema } from "~/domains/commerce/shipping/shipping-form";

export function ZoneForm({
  id,
  intent,
  lastResult,
  defaultValue,
}: {
  id: string;
  intent: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: { name: string; countries: string };
}) {
  const { t } = useTranslation("pricing");
  const schema = createZoneSchema((key, options) => t(key, options ?? {}) as string);
  const [form, fields] = useValidatedForm({ id, schema, lastResult, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError id={form.errorId} errors={form.errors} />
      <InputField meta={fields.name} label={t("zones.name")} autoComplete="off" />
      <InputField
        meta={fields.countries}
        label={t("zones.countries")}
        description={t("zones.countriesHelp")}
        autoComplete="off"
        spellCheck={false}
      />
      <SubmitButton name="intent" value={intent} pendingLabel={t("common.saving")}>
        {intent === "create-zone" ? t("zones.create") : t("common.save")}
      </SubmitButton>
    </Form>
  );
}
