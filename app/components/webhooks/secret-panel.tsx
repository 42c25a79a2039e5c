// A signing secret, shown once: right after the endpoint was added or its secret rotated. It is
// stored encrypted and never displayed again.
import { useTranslation } from "react-i18next";
import { CopyButton } from "~/components/api/copy-button";
import { inputClass } from "~/components/ui/field";

export function SecretPanel({ title, secret }: { title: string; secret: string }) {
  const { t } = useTranslation("webhooks");
  return (
    <section
      role="status"
      aria-labelledby="webhook-secret-title"
      className="space-y-3 rounded-md border border-emerald-700 bg-emerald-50 p-4"
    >
      <h2 id="webhook-secret-title" className="text-lg font-semibold text-emerald-900">
        {title}
      </h2>
      <div className="space-y-1">
        <label htmlFor="webhook-secret" className="block text-sm font-medium text-slate-900">
          {t("secret.label")}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id="webhook-secret"
            readOnly
            value={secret}
            aria-describedby="webhook-secret-hint"
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} max-w-xl font-mono text-sm`}
          />
          <CopyButton value={secret} />
        </div>
        <p id="webhook-secret-hint" className="text-sm text-slate-800">
          {t("secret.hint")}
        </p>
      </div>
    </section>
  );
}
