// Variant choice as a plain GET form: one select per option and a "Show" button; with
// JavaScript, changing a select also submits at once (the server still renders the result).
import { Form, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";

export function VariantPicker({
  optionNames,
  valueLists,
  selected,
}: {
  optionNames: string[];
  valueLists: string[][];
  selected: string[];
}) {
  const { t } = useTranslation("shop");
  const submit = useSubmit();
  if (optionNames.length === 0) return null;
  return (
    <Form
      method="get"
      preventScrollReset
      replace
      aria-label={t("product.chooseOptions")}
      className="space-y-3"
      onChange={(event) => submit(event.currentTarget, { preventScrollReset: true, replace: true })}
    >
      {optionNames.map((name, i) => (
        <div key={name} className="space-y-1">
          <label htmlFor={`option-${i}`} className="block text-sm font-medium">
            {name}
          </label>
          <select id={`option-${i}`} name={name} defaultValue={selected[i]} key={selected[i]} className={inputClass}>
            {(valueLists[i] ?? []).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      ))}
      <Button variant="secondary">{t("product.showVariant")}</Button>
    </Form>
  );
}
