// Accessible form fields: a label, an optional description and the error message are bound to
// the input (aria-describedby / aria-invalid), so screen readers announce them with the field.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useId } from "react";
import { cn } from "~/utils/cn";

export const inputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-700";

type FieldShellProps = {
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  errors?: string[];
  children: (describedBy: string | undefined) => React.ReactNode;
  className?: string;
};

export function FieldShell({ id, label, description, errors, children, className }: FieldShellProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {children(describedBy)}
      {description ? (
        <p id={descriptionId} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="space-y-0.5 text-sm text-red-700">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

type InputFieldProps = {
  meta: FieldMetadata<string | number | undefined | null>;
  label: React.ReactNode;
  description?: React.ReactNode;
  type?: "text" | "email" | "password" | "search" | "tel" | "url" | "number" | "date" | "time";
  className?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id" | "defaultValue" | "form">;

export function InputField({ meta, label, description, type = "text", className, ...rest }: InputFieldProps) {
  return (
    <FieldShell id={meta.id} label={label} description={description} errors={meta.errors} className={className}>
      {(describedBy) => (
        <input
          {...getInputProps(meta, { type, ariaDescribedBy: describedBy })}
          aria-describedby={describedBy}
          className={inputClass}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

type SelectFieldProps = {
  meta: FieldMetadata<string | undefined | null>;
  label: React.ReactNode;
  description?: React.ReactNode;
  options: Array<{ value: string; label: string }>;
  className?: string;
};

export function SelectField({ meta, label, description, options, className }: SelectFieldProps) {
  return (
    <FieldShell id={meta.id} label={label} description={description} errors={meta.errors} className={className}>
      {(describedBy) => (
        <select {...getSelectProps(meta)} aria-describedby={describedBy} className={inputClass}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type TextareaFieldProps = {
  meta: FieldMetadata<string | undefined | null>;
  label: React.ReactNode;
  description?: React.ReactNode;
  rows?: number;
  className?: string;
};

export function TextareaField({ meta, label, description, rows = 4, className }: TextareaFieldProps) {
  return (
    <FieldShell id={meta.id} label={label} description={description} errors={meta.errors} className={className}>
      {(describedBy) => (
        <textarea {...getTextareaProps(meta)} rows={rows} aria-describedby={describedBy} className={inputClass} />
      )}
    </FieldShell>
  );
}

/** A plain, uncontrolled field for forms that do not need conform (filters, search boxes). */
export function PlainField({
  label,
  name,
  defaultValue,
  type = "text",
  ...rest
}: { label: string; name: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <input id={id} name={name} type={type} defaultValue={defaultValue} className={inputClass} {...rest} />
    </div>
  );
}
