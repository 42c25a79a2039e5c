// One endpoint of the API docs: method and path, scope, parameters, responses, a curl example.
import { useTranslation } from "react-i18next";
import type { EndpointView } from "~/domains/platform/api/openapi-view";
import { CodeBlock, DocTable } from "./doc-table";
import { RichText } from "./rich-text";
import { TypeLabel } from "./type-label";

export function EndpointSection({ endpoint }: { endpoint: EndpointView }) {
  const { t } = useTranslation();
  const titleId = `endpoint-${endpoint.id}-title`;
  return (
    <article
      id={`endpoint-${endpoint.id}`}
      aria-labelledby={titleId}
      className="space-y-4 rounded-md border border-slate-200 bg-white p-4"
    >
      <h3 id={titleId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className="rounded bg-emerald-100 px-2 py-0.5 font-mono text-sm text-emerald-900">{endpoint.method}</span>
        <code className="font-mono">{endpoint.path}</code>
        <span className="font-normal text-slate-700">— {endpoint.summary}</span>
      </h3>
      {endpoint.description ? (
        <p className="text-slate-800">
          <RichText text={endpoint.description} />
        </p>
      ) : null}
      <p className="text-sm">
        {endpoint.scope ? (
          <>
            <span className="font-semibold">{t("api:docs.requiredScope")}:</span>{" "}
            <a href="#scopes" className="font-mono text-brand-700 underline">
              {endpoint.scope}
            </a>
          </>
        ) : (
          t("api:docs.noKey")
        )}
      </p>
      <h4 className="font-semibold">{t("api:docs.parameters")}</h4>
      {endpoint.parameters.length === 0 ? (
        <p className="text-sm text-slate-700">{t("api:docs.noParameters")}</p>
      ) : (
        <DocTable
          caption={`${t("api:docs.parameters")}: ${endpoint.method} ${endpoint.path}`}
          columns={[
            t("api:docs.columns.name"),
            t("api:docs.columns.in"),
            t("api:docs.columns.type"),
            t("api:docs.columns.required"),
            t("api:docs.columns.description"),
          ]}
          rows={endpoint.parameters.map((param) => ({
            key: `${param.in}-${param.name}`,
            head: <code className="font-mono">{param.name}</code>,
            cells: [
              param.in,
              <TypeLabel key="type" type={param.type} />,
              param.required ? t("api:docs.yes") : t("api:docs.no"),
              <>
                <RichText text={param.description} />
                {param.min !== undefined && param.max !== undefined ? (
                  <span className="block text-slate-700">{t("api:docs.range", { min: param.min, max: param.max })}</span>
                ) : null}
                {param.defaultValue !== undefined ? (
                  <span className="block text-slate-700">{t("api:docs.default", { value: param.defaultValue })}</span>
                ) : null}
              </>,
            ],
          }))}
        />
      )}
      <h4 className="font-semibold">{t("api:docs.responses")}</h4>
      <DocTable
        caption={`${t("api:docs.responses")}: ${endpoint.method} ${endpoint.path}`}
        columns={[t("api:docs.columns.status"), t("api:docs.columns.description"), t("api:docs.columns.body")]}
        rows={endpoint.responses.map((response) => ({
          key: response.status,
          head: <code className="font-mono">{response.status}</code>,
          cells: [
            <RichText key="description" text={response.description} />,
            response.type ? (
              <>
                <TypeLabel type={response.type} />
                <span className="block text-slate-700">{response.contentType}</span>
              </>
            ) : (
              t("api:docs.noBody")
            ),
          ],
        }))}
      />
      <h4 className="font-semibold">{t("api:docs.example")}</h4>
      <CodeBlock label={`${t("api:docs.example")}: ${endpoint.method} ${endpoint.path}`}>{endpoint.curl}</CodeBlock>
    </article>
  );
}
