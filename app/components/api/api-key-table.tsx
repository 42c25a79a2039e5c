// A table of API keys (the owner's, or everyone's for administrators) with a revoke button per
// active key. Each revoke button is its own small form: works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";

export type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  owner?: { name: string; email: string };
};

export function ApiKeyTable({ keys, caption, showOwner = false }: { keys: KeyRow[]; caption: string; showOwner?: boolean }) {
  const { t, i18n } = useTranslation();
  const root = useRootData();
  const when = (value: string) =>
    formatDateTime(value, { locale: root?.locale ?? i18n.language, timeZone: root?.timeZone ?? "UTC" });
  if (keys.length === 0) return <p className="text-slate-700">{t("api:keys.empty")}</p>;
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {showOwner ? (
              <th scope="col" className={th}>
                {t("api:keys.columns.owner")}
              </th>
            ) : null}
            <th scope="col" className={th}>
              {t("api:keys.columns.name")}
            </th>
            <th scope="col" className={th}>
              {t("api:keys.columns.prefix")}
            </th>
            <th scope="col" className={th}>
              {t("api:keys.columns.scopes")}
            </th>
            <th scope="col" className={th}>
              {t("api:keys.columns.created")}
            </th>
            <th scope="col" className={th}>
              {t("api:keys.columns.lastUsed")}
            </th>
            <th scope="col" className={th}>
              {t("api:keys.columns.status")}
            </th>
            <th scope="col" className={th}>
              {t("api:keys.columns.actions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row">
              {showOwner && key.owner ? (
                <td className="px-3 py-2">
                  <span className="block">{key.owner.name}</span>
                  <span className="block text-slate-700">{key.owner.email}</span>
                </td>
              ) : null}
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {key.name}
              </th>
              <td className="px-3 py-2">
                <code className="font-mono">{key.prefix}</code>
              </td>
              <td className="px-3 py-2">
                <ul>
                  {key.scopes.map((scope) => (
                    <li key={scope}>
                      <code className="font-mono">{scope}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{when(key.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{key.lastUsedAt ? when(key.lastUsedAt) : t("api:keys.never")}</td>
              <td className="px-3 py-2">
                {key.revokedAt ? t("api:keys.revokedOn", { date: when(key.revokedAt) }) : t("api:keys.active")}
              </td>
              <td className="px-3 py-2">
                {key.revokedAt ? null : (
                  <Form method="post">
                    <AuthenticityTokenInput />
                    <input type="hidden" name="keyId" value={key.id} />
                    <SubmitButton
                      variant="danger"
                      name="intent"
                      value="revoke"
                      aria-label={t("api:keys.revokeNamed", { name: key.name })}
                      className="px-3 py-1"
                    >
                      {t("api:keys.revoke")}
                    </SubmitButton>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
