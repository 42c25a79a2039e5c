// The full key, shown once right after it was created (it is not stored and cannot be shown again).
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/ui/field";
import { CopyButton } from "./copy-button";

export type CreatedKey = { key: string; name: string; ownerEmail: string };

export function CreatedKeyPanel({ created }: { created: CreatedKey }) {
  const { t } = useTranslation();
  return (
    <section
      role="status"
      aria-labelledby="created-key-title"
      className="space-y-3 rounded-md border border-emerald-700 bg-emerald-50 p-4"
    >
      <h2 id="created-key-title" className="text-lg font-semibold text-emerald-900">
        {t("api:keys.createdTitle")}
      </h2>
      <p className="text-sm text-slate-900">{t("api:keys.createdFor", { name: created.name, email: created.ownerEmail })}</p>
      <div className="space-y-1">
        <label htmlFor="created-key" className="block text-sm font-medium text-slate-900">
          {t("api:keys.createdLabel")}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id="created-key"
            readOnly
            value={created.key}
            aria-describedby="created-key-hint"
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} max-w-xl font-mono text-sm`}
          />
          <CopyButton value={created.key} />
        </div>
        <p id="created-key-hint" className="text-sm text-slate-800">
          {t("api:keys.createdHint")}
        </p>
      </div>
    </section>
  );
}
