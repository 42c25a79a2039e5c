// A secret shown once, right after it was made (an API key, a webhook signing secret): read-only,
// selectable, with a copy button. It is not stored in readable form and cannot be shown again.
import type { ReactNode } from "react";
import { CopyButton } from "~/components/api/copy-button";
import { inputClass } from "./field";

export function OneTimeSecret({
  id,
  title,
  intro,
  label,
  hint,
  value,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  label: string;
  hint: string;
  value: string;
}) {
  return (
    <section
      role="status"
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-md border border-emerald-700 bg-emerald-50 p-4"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold text-emerald-900">
        {title}
      </h2>
      {intro ? <p className="text-sm text-slate-900">{intro}</p> : null}
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-900">
          {label}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={id}
            readOnly
            value={value}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} max-w-xl font-mono text-sm`}
          />
          <CopyButton value={value} />
        </div>
        <p id={`${id}-hint`} className="text-sm text-slate-800">
          {hint}
        </p>
      </div>
    </section>
  );
}
