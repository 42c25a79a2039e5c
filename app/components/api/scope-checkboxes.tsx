// The scope choice of the create-key form: a fieldset of checkboxes sharing one name, with its
// description and errors bound to the group.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "~/components/ui/field";
import type { ApiScope } from "~/domains/identity/api-key-format";
import { scopeLabelKey } from "~/domains/identity/api-key-form";

export function ScopeCheckboxes({ meta, scopes }: { meta: FieldMetadata<string[] | undefined>; scopes: readonly ApiScope[] }) {
  const { t } = useTranslation();
  const descriptionId = `${meta.id}-description`;
  const errorId = meta.errors?.length ? `${meta.id}-error` : undefined;
  const initial = Array.isArray(meta.initialValue) ? meta.initialValue : meta.initialValue ? [meta.initialValue] : [];
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ")}
      aria-invalid={errorId ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-900">{t("api:keys.scopes")}</legend>
      <p id={descriptionId} className="text-sm text-slate-600">
        {scopes.length ? t("api:keys.scopesDescription") : t("api:keys.noScopes")}
      </p>
      <ul className="space-y-1">
        {scopes.map((scope) => {
          const id = `${meta.id}-${scope.replace(":", "-")}`;
          return (
            <li key={scope} className="flex items-center gap-2">
              <input
                id={id}
                type="checkbox"
                name={meta.name}
                value={scope}
                defaultChecked={initial.includes(scope)}
                className="h-4 w-4"
              />
              <label htmlFor={id} className="text-sm">
                <code className="font-mono">{scope}</code> — {t(scopeLabelKey(scope))}
              </label>
            </li>
          );
        })}
      </ul>
      <FieldErrors id={errorId} errors={meta.errors} />
    </fieldset>
  );
}
