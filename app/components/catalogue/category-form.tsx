// Create or edit a category: name, slug, parent (any category but itself and its subcategories),
// position among its siblings, description.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField, SelectField, TextareaField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createCategorySchema } from "~/domains/commerce/catalogue/taxonomy-forms";

export function CategoryForm({
  id,
  defaults,
  parents,
  intent,
  submitLabel,
  lastResult,
  disabled,
}: {
  id: string;
  defaults: { name: string; slug: string; description: string; parentId: string; position: string };
  parents: Array<{ id: string; name: string; depth: number }>;
  intent: string;
  submitLabel: string;
  lastResult?: SubmissionResult<string[]>;
  disabled?: boolean;
}) {
  const { t } = useTranslation("catalogue");
  const [form, fields] = useValidatedForm({ id, schema: createCategorySchema(t), lastResult, defaultValue: defaults });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{submitLabel}</legend>
        <InputField meta={fields.name} label={t("categories.name")} autoComplete="off" />
        <InputField meta={fields.slug} label={t("categories.slug")} description={t("categories.slugHelp")} autoComplete="off" />
        <SelectField
          meta={fields.parentId}
          label={t("categories.parent")}
          options={[
            { value: "", label: t("categories.noParent") },
            ...parents.map((p) => ({ value: p.id, label: `${"— ".repeat(p.depth)}${p.name}` })),
          ]}
        />
        <InputField
          meta={fields.position}
          label={t("categories.position")}
          description={t("categories.positionHelp")}
          inputMode="numeric"
        />
        <TextareaField meta={fields.description} label={t("categories.description")} rows={3} className="sm:col-span-2" />
      </fieldset>
      {disabled ? null : (
        <SubmitButton name="intent" value={intent} pendingLabel={t("common:actions.saving")}>
          {submitLabel}
        </SubmitButton>
      )}
    </Form>
  );
}
