// A fieldset of checkboxes sharing one name (conform array field), with a legend, a description
// and the field's errors bound to the group. Works without JavaScript.
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldErrors } from "./field";

export function CheckboxGroup({
  meta,
  legend,
  description,
  options,
  disabled,
}: {
  meta: FieldMetadata<string[] | undefined>;
  legend: string;
  description: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  disabled?: boolean;
}) {
  const descriptionId = `${meta.id}-description`;
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined;
  const initial = Array.isArray(meta.initialValue) ? meta.initialValue : meta.initialValue ? [meta.initialValue] : [];
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ")}
      aria-invalid={errorId ? true : undefined}
      disabled={disabled}
    >
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      <p id={descriptionId} className="text-sm text-slate-600">
        {description}
      </p>
      <ul className="space-y-1">
        {options.map(({ value, label }) => {
          const id = `${meta.id}-${value.replace(/\W/g, "-")}`;
          return (
            <li key={value} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                name={meta.name}
                value={value}
                defaultChecked={initial.includes(value)}
                className="mt-1 h-4 w-4"
              />
              <label htmlFor={id} className="text-sm">
                <code className="font-mono">{value}</code> — {label}
              </label>
            </li>
          );
        })}
      </ul>
      <FieldErrors id={errorId} errors={meta.errors} />
    </fieldset>
  );
}
