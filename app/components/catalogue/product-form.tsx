// The product editor: details, SEO, categories and the variant table in one plain form (works
// without JavaScript; conform validates in the browser when it runs). Existing variants can be
// edited or ticked for removal; the spare last row adds a variant when filled in.
import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { FieldErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createProductFormSchema } from "~/domains/commerce/catalogue/product-form";

export type ProductFormVariant = {
  id?: string;
  sku: string;
  options: string;
  price: string;
  compareAtPrice: string;
  trackInventory?: "on";
  stockOnHand?: string;
  weightGrams: string;
};

export type ProductFormDefaults = {
  title: string;
  slug: string;
  status: string;
  kind: string;
  descriptionHtml: string;
  seoTitle: string;
  seoDescription: string;
  taxable?: "on";
  optionNames: string;
  categoryIds: string[];
  variants: ProductFormVariant[];
};

export type VariantStock = { id: string; stockOnHand: number; stockReserved: number };

type Props = {
  id: string;
  defaults: ProductFormDefaults;
  categories: Array<{ id: string; name: string; depth: number }>;
  stock: VariantStock[];
  currency: string;
  intent: string;
  submitLabel: string;
  lastResult?: SubmissionResult<string[]>;
  disabled?: boolean;
  /** The product's updatedAt when the form was drawn: a save refuses if someone saved in between. */
  version?: string;
};

function CheckboxField({
  meta,
  label,
  description,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  description?: string;
}) {
  const descriptionId = description ? `${meta.id}-description` : undefined;
  return (
    <div className="flex items-start gap-2">
      <input {...getInputProps(meta, { type: "checkbox" })} aria-describedby={descriptionId} className="mt-1 h-4 w-4" />
      <div>
        <label htmlFor={meta.id} className="text-sm font-medium">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-sm text-slate-600">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function ProductForm({
  id,
  defaults,
  categories,
  stock,
  currency,
  intent,
  submitLabel,
  lastResult,
  disabled,
  version,
}: Props) {
  const { t } = useTranslation("catalogue");
  const schema = createProductFormSchema(t, currency);
  const [form, fields] = useValidatedForm({ id, schema, lastResult, defaultValue: defaults });
  const variantRows = fields.variants.getFieldList();
  const initialCategories = (fields.categoryIds.initialValue as string[] | string | undefined) ?? [];
  const checkedCategories = Array.isArray(initialCategories) ? initialCategories : [initialCategories];
  const stockById = new Map(stock.map((s) => [s.id, s]));
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <AuthenticityTokenInput />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <FormError errors={form.errors} id={form.errorId} />
      <fieldset disabled={disabled} className="space-y-6">
        <legend className="sr-only">{t("products.form.legend")}</legend>
        <section aria-labelledby={`${id}-details`} className="grid gap-4 sm:grid-cols-2">
          <h2 id={`${id}-details`} className="text-lg font-semibold sm:col-span-2">
            {t("products.form.details")}
          </h2>
          <InputField meta={fields.title} label={t("products.form.title")} autoComplete="off" />
          <InputField
            meta={fields.slug}
            label={t("products.form.slug")}
            description={t("products.form.slugHelp")}
            autoComplete="off"
          />
          <SelectField
            meta={fields.status}
            label={t("products.form.status")}
            options={(["draft", "active", "archived"] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <SelectField
            meta={fields.kind}
            label={t("products.form.kind")}
            description={t("products.form.kindHelp")}
            options={(["physical", "digital"] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <TextareaField
            meta={fields.descriptionHtml}
            label={t("products.form.description")}
            description={t("products.form.descriptionHelp")}
            rows={8}
            className="sm:col-span-2"
          />
          <CheckboxField meta={fields.taxable} label={t("products.form.taxable")} description={t("products.form.taxableHelp")} />
        </section>
        <section aria-labelledby={`${id}-seo`} className="grid gap-4 sm:grid-cols-2">
          <h2 id={`${id}-seo`} className="text-lg font-semibold sm:col-span-2">
            {t("products.form.seo")}
          </h2>
          <InputField meta={fields.seoTitle} label={t("products.form.seoTitle")} description={t("products.form.seoTitleHelp")} />
          <TextareaField meta={fields.seoDescription} label={t("products.form.seoDescription")} rows={2} />
        </section>
        <fieldset
          className="space-y-2"
          aria-describedby={fields.categoryIds.errors?.length ? `${fields.categoryIds.id}-error` : undefined}
        >
          <legend className="text-lg font-semibold">{t("products.form.categories")}</legend>
          {categories.length === 0 ? (
            <p className="text-sm text-slate-700">
              {t("products.form.noCategories")}{" "}
              <Link to="/admin/shop/categories" className="text-brand-700 underline">
                {t("categories.title")}
              </Link>
            </p>
          ) : (
            <ul className="grid gap-1 sm:grid-cols-2">
              {categories.map((c) => (
                <li key={c.id} className="flex items-center gap-2" style={{ paddingInlineStart: `${c.depth * 1.25}rem` }}>
                  <input
                    id={`${id}-cat-${c.id}`}
                    type="checkbox"
                    name={fields.categoryIds.name}
                    value={c.id}
                    defaultChecked={checkedCategories.includes(c.id)}
                    className="h-4 w-4"
                  />
                  <label htmlFor={`${id}-cat-${c.id}`} className="text-sm">
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldErrors id={`${fields.categoryIds.id}-error`} errors={fields.categoryIds.errors} />
        </fieldset>
        <section aria-labelledby={`${id}-variants`} className="space-y-3">
          <h2 id={`${id}-variants`} className="text-lg font-semibold">
            {t("products.form.variants")}
          </h2>
          <InputField
            meta={fields.optionNames}
            label={t("products.form.optionNames")}
            description={t("products.form.optionNamesHelp")}
          />
          <p className="text-sm text-slate-700">{t("products.form.variantsHelp", { currency })}</p>
          <FieldErrors id={`${fields.variants.id}-error`} errors={fields.variants.errors} />
          <ol className="space-y-4">
            {variantRows.map((row, index) => {
              const v = row.getFieldset();
              const variantId = v.id.initialValue as string | undefined;
              const current = variantId ? stockById.get(variantId) : undefined;
              return (
                <li key={row.key} className="rounded-lg border border-slate-200 bg-white p-4">
                  <fieldset className="grid gap-3 sm:grid-cols-4">
                    <legend className="text-sm font-semibold">
                      {variantId ? t("products.form.variantN", { n: index + 1 }) : t("products.form.newVariant")}
                    </legend>
                    {variantId ? <input type="hidden" name={v.id.name} value={variantId} /> : null}
                    <InputField meta={v.sku} label={t("products.form.sku")} autoComplete="off" />
                    <InputField
                      meta={v.options}
                      label={t("products.form.options")}
                      description={t("products.form.optionsHelp")}
                    />
                    <InputField meta={v.price} label={t("products.form.price")} inputMode="decimal" autoComplete="off" />
                    <InputField
                      meta={v.compareAtPrice}
                      label={t("products.form.compareAtPrice")}
                      inputMode="decimal"
                      autoComplete="off"
                    />
                    {current ? (
                      <div className="text-sm">
                        <p className="font-medium">{t("products.form.stock")}</p>
                        <p>{t("products.form.stockNow", { onHand: current.stockOnHand, reserved: current.stockReserved })}</p>
                        <Link to={`/admin/shop/inventory/${current.id}`} className="text-brand-700 underline">
                          {t("products.form.adjustStock")}
                        </Link>
                      </div>
                    ) : (
                      <InputField
                        meta={v.stockOnHand}
                        label={t("products.form.initialStock")}
                        inputMode="numeric"
                        autoComplete="off"
                      />
                    )}
                    <InputField meta={v.weightGrams} label={t("products.form.weight")} inputMode="numeric" autoComplete="off" />
                    <CheckboxField meta={v.trackInventory} label={t("products.form.trackInventory")} />
                    {variantId ? <CheckboxField meta={v.remove} label={t("products.form.removeVariant")} /> : null}
                  </fieldset>
                </li>
              );
            })}
          </ol>
        </section>
      </fieldset>
      {disabled ? null : (
        <SubmitButton name="intent" value={intent} pendingLabel={t("common:actions.saving")}>
          {submitLabel}
        </SubmitButton>
      )}
    </Form>
  );
}
