// The scope choice of the create-key form: one checkbox per scope the person may grant.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import type { ApiScope } from "~/domains/identity/api-key-format";
import { scopeLabelKey } from "~/domains/identity/api-key-form";

export function ScopeCheckboxes({ meta, scopes }: { meta: FieldMetadata<string[] | undefined>; scopes: readonly ApiScope[] }) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      meta={meta}
      legend={t("api:keys.scopes")}
      description={scopes.length ? t("api:keys.scopesDescription") : t("api:keys.noScopes")}
      options={scopes.map((scope) => ({ value: scope, label: t(scopeLabelKey(scope)) }))}
    />
  );
}
