// A signing secret, shown once: right after the endpoint was added or its secret rotated. It is
// stored encrypted and never displayed again.
import { useTranslation } from "react-i18next";
import { OneTimeSecret } from "~/components/ui/one-time-secret";

export function SecretPanel({ title, secret }: { title: string; secret: string }) {
  const { t } = useTranslation("webhooks");
  return <OneTimeSecret id="webhook-secret" title={title} label={t("secret.label")} hint={t("secret.hint")} value={secret} />;
}
