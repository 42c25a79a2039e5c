// A date-and-time input (the browser's picker; plain text "2026-12-24T18:00" without one), in the
// admin's time zone, named in the description so nobody wonders which midnight is meant.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { FieldShell, inputClass } from "~/components/ui/field";

export function DateTimeField({
  meta,
  label,
  description,
}: {
  meta: FieldMetadata<string | undefined | null>;
  label: string;
  description: string;
}) {
  return (
    <FieldShell id={meta.id} label={label} description={description} errors={meta.errors}>
      {(describedBy) => (
        <input
          {...getInputProps(meta, { type: "datetime-local", ariaDescribedBy: describedBy })}
          aria-describedby={describedBy}
          className={inputClass}
        />
      )}
    </FieldShell>
  );
}
