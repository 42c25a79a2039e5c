// One labelled checkbox bound to a conform boolean field (label, description and errors announced
// with it). Unchecked sends nothing, which the schemas read as false.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { FieldErrors } from "~/components/ui/field";

export function CheckboxField({
  meta,
  label,
  description,
}: {
  meta: FieldMetadata<boolean | undefined | null>;
  label: string;
  description?: string;
}) {
  const descriptionId = description ? `${meta.id}-description` : undefined;
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          {...getInputProps(meta, { type: "checkbox", ariaDescribedBy: describedBy })}
          aria-describedby={describedBy}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor={meta.id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
      </div>
      {description ? (
        <p id={descriptionId} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={meta.errors} />
    </div>
  );
}
