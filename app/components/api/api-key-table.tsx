// A table of API keys (the owner's, or everyone's for administrators) with a revoke button per
// active key. Each revoke button is its own small form: works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { RowHeader, Table, Td, type TableColumn } from "~/components/ui/table";
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
  const columns: TableColumn[] = [
    ...(showOwner ? [{ key: "owner", label: t("api:keys.columns.owner") }] : []),
    { key: "name", label: t("api:keys.columns.name") },
    { key: "prefix", label: t("api:keys.columns.prefix") },
    { key: "scopes", label: t("api:keys.columns.scopes") },
    { key: "created", label: t("api:keys.columns.created") },
    { key: "lastUsed", label: t("api:keys.columns.lastUsed") },
    { key: "status", label: t("api:keys.columns.status") },
    { key: "actions", label: t("api:keys.columns.actions") },
  ];
  return (
    <Table caption={caption} captionHidden columns={columns}>
      {keys.map((key) => (
        <tr key={key.id} data-testid="api-key-row">
          {showOwner && key.owner ? (
            <Td>
              <span className="block">{key.owner.name}</span>
              <span className="block text-slate-700">{key.owner.email}</span>
            </Td>
          ) : null}
          <RowHeader>{key.name}</RowHeader>
          <Td>
            <code className="font-mono">{key.prefix}</code>
          </Td>
          <Td>
            <ul>
              {key.scopes.map((scope) => (
                <li key={scope}>
                  <code className="font-mono">{scope}</code>
                </li>
              ))}
            </ul>
          </Td>
          <Td className="whitespace-nowrap">{when(key.createdAt)}</Td>
          <Td className="whitespace-nowrap">{key.lastUsedAt ? when(key.lastUsedAt) : t("api:keys.never")}</Td>
          <Td>{key.revokedAt ? t("api:keys.revokedOn", { date: when(key.revokedAt) }) : t("api:keys.active")}</Td>
          <Td>
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
          </Td>
        </tr>
      ))}
    </Table>
  );
}
