// Create or edit a collection: title, slug, published, position, description.
import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField, TextareaField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createCollectionSchema } from "~/domains/commerce/catalogue/taxonomy-forms";

export function CollectionForm({
  id,
  defaults,
  intent,
  submitLabel,
  lastResult,
  disabled,
}: {
  id: string;
  defaults: { title: string; slug: string; description: string; isPublished?: "on"; position: string };
  intent: string;
  submitLabel: string;
  lastResult?: SubmissionResult<string[]>;
  disabled?: boolean;
}) {
  const { t } = useTranslation("catalogue");
  const [form, fields] = useValidatedForm({ id, schema: createCollectionSchema(t), lastResult, defaultValue: defaults });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{submitLabel}</legend>
        <InputField meta={fields.title} label={t("collections.name")} autoComplete="off" />
        <InputField meta={fields.slug} label={t("collections.slug")} description={t("categories.slugHelp")} autoComplete="off" />
        <InputField meta={fields.position} label={t("collections.position")} inputMode="numeric" />
        <div className="flex items-center gap-2 self-end">
          <input {...getInputProps(fields.isPublished, { type: "checkbox" })} className="h-4 w-4" />
          <label htmlFor={fields.isPublished.id} className="text-sm font-medium">
            {t("collections.published")}
          </label>
        </div>
        <TextareaField meta={fields.description} label={t("collections.description")} rows={3} className="sm:col-span-2" />
      </fieldset>
      {disabled ? null : (
        <SubmitButton name="intent" value={intent} pendingLabel={t("common:actions.saving")}>
          {submitLabel}
        </SubmitButton>
      )}
    </Form>
  );
}
