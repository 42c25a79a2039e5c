// The full key, shown once right after it was created (it is not stored and cannot be shown again).
import { useTranslation } from "react-i18next";
import { OneTimeSecret } from "~/components/ui/one-time-secret";

export type CreatedKey = { key: string; name: string; ownerEmail: string };

export function CreatedKeyPanel({ created }: { created: CreatedKey }) {
  const { t } = useTranslation();
  return (
    <OneTimeSecret
      id="created-key"
      title={t("api:keys.createdTitle")}
      intro={t("api:keys.createdFor", { name: created.name, email: created.ownerEmail })}
      label={t("api:keys.createdLabel")}
      hint={t("api:keys.createdHint")}
      value={created.key}
    />
  );
}
