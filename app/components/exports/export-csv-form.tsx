// "Export CSV" on an admin list: a small POST form carrying the list's current filters to
// /admin/exports, which queues the export. Works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";

export function ExportCsvForm({
  kind,
  params,
  label,
}: {
  kind: string;
  params: Record<string, string | number | null | undefined>;
  /** What the button exports, for screen readers ("Export these users as CSV"). */
  label?: string;
}) {
  const { t } = useTranslation("exports");
  return (
    <Form method="post" action="/admin/exports">
      <AuthenticityTokenInput />
      <input type="hidden" name="kind" value={kind} />
      {Object.entries(params).map(([name, value]) =>
        value === null || value === undefined || value === "" ? null : (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ),
      )}
      <SubmitButton variant="secondary" title={label} pendingLabel={t("requesting")}>
        {t("exportCsv")}
      </SubmitButton>
    </Form>
  );
}
