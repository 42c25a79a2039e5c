// The categories a discount is restricted to: a fieldset of checkboxes sharing one name.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "~/components/ui/field";

export function CategoryCheckboxes({
  meta,
  categories,
}: {
  meta: FieldMetadata<string[] | undefined>;
  categories: Array<{ id: string; name: string }>;
}) {
  const { t } = useTranslation("pricing");
  const descriptionId = `${meta.id}-description`;
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined;
  const initial = Array.isArray(meta.initialValue) ? meta.initialValue : meta.initialValue ? [meta.initialValue] : [];
  return (
    <fieldset className="space-y-2" aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ")}>
      <legend className="text-sm font-medium text-slate-900">{t("discounts.categories")}</legend>
      <p id={descriptionId} className="text-sm text-slate-600">
        {categories.length === 0 ? t("discounts.noCategories") : t("discounts.categoriesHelp")}
      </p>
      <ul className="grid gap-1 sm:grid-cols-2">
        {categories.map((category) => {
          const id = `${meta.id}-${category.id}`;
          return (
            <li key={category.id} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                name={meta.name}
                value={category.id}
                defaultChecked={initial.includes(category.id)}
                className="mt-1 h-4 w-4"
              />
              <label htmlFor={id} className="text-sm">
                {category.name}
              </label>
            </li>
          );
        })}
      </ul>
      <FieldErrors id={errorId} errors={meta.errors} />
    </fieldset>
  );
}
