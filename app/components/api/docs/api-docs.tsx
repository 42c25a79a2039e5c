// The API reference page, rendered from the OpenAPI document's view model: how to authenticate,
// scopes, the conventions (pagination, filters and fields, ETags, idempotency), rate limits,
// errors, every endpoint and every schema.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ApiDocsView } from "~/domains/platform/api/openapi-view";
import { CodeBlock, DocTable } from "./doc-table";
import { EndpointSection } from "./endpoint-section";
import { RichText } from "./rich-text";
import { TypeLabel } from "./type-label";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-bold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ApiDocs({ view, rateLimit }: { view: ApiDocsView; rateLimit: number }) {
  const { t } = useTranslation();
  const toc = [
    ["authentication", t("api:docs.authentication")],
    ["scopes", t("api:docs.scopes")],
    ["pagination", t("api:docs.pagination")],
    ["filtering", t("api:docs.filtering")],
    ["etags", t("api:docs.etags")],
    ["idempotency", t("api:docs.idempotency")],
    ["rate-limits", t("api:docs.rateLimits")],
    ["errors", t("api:docs.errors")],
    ["endpoints", t("api:docs.endpoints")],
    ["schemas", t("api:docs.schemas")],
  ] as const;
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("api:docs.title")}</h1>
        <p className="text-sm text-slate-700">
          {view.title} · {t("api:docs.version", { version: view.version })}
        </p>
        <p className="max-w-3xl text-slate-800">
          <RichText text={view.description} />
        </p>
        <p className="text-sm">
          <span className="font-semibold">{t("api:docs.baseUrl")}:</span> <code className="font-mono">{view.baseUrl}</code>
        </p>
        <p className="flex flex-wrap gap-4 text-sm">
          <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline">
            {t("api:docs.openapiLink")}
          </a>
          <Link to="/account/security/api-keys" className="font-medium text-brand-700 underline">
            {t("api:docs.manageKeys")}
          </Link>
        </p>
      </header>

      <nav aria-label={t("api:docs.toc")} className="rounded-md border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t("api:docs.toc")}</h2>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          {toc.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="text-brand-700 underline">
                {label}
              </a>
            </li>
          ))}
          {view.endpoints.map((endpoint) => (
            <li key={endpoint.id}>
              <a href={`#endpoint-${endpoint.id}`} className="font-mono text-brand-700 underline">
                {endpoint.method} {endpoint.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="authentication" title={t("api:docs.authentication")}>
        <p className="max-w-3xl">{t("api:docs.authBody")}</p>
        <p className="text-sm">
          <span className="font-semibold">{t("api:docs.keyFormat")}:</span> <code className="font-mono">{view.bearerFormat}</code>
        </p>
        <CodeBlock label={t("api:docs.authentication")}>{`Authorization: Bearer ${view.bearerFormat}`}</CodeBlock>
      </Section>

      <Section id="scopes" title={t("api:docs.scopes")}>
        <p className="max-w-3xl">{t("api:docs.scopesBody")}</p>
        <DocTable
          caption={t("api:docs.scopes")}
          columns={[t("api:docs.columns.scope"), t("api:docs.columns.description"), t("api:docs.requires")]}
          rows={view.scopes.map((scope) => ({
            key: scope.name,
            head: <code className="font-mono">{scope.name}</code>,
            cells: [
              <RichText key="description" text={scope.description} />,
              scope.requires.length ? (
                <ul key="requires">
                  {scope.requires.map((permission) => (
                    <li key={permission}>
                      <code className="font-mono">{permission}</code>
                    </li>
                  ))}
                </ul>
              ) : (
                t("api:docs.nothingRequired")
              ),
            ],
          }))}
        />
      </Section>

      <Section id="pagination" title={t("api:docs.pagination")}>
        <p className="max-w-3xl">{t("api:docs.paginationBody")}</p>
      </Section>

      <Section id="filtering" title={t("api:docs.filtering")}>
        <p className="max-w-3xl">{t("api:docs.filteringBody")}</p>
        <CodeBlock label={t("api:docs.filtering")}>
          {`${view.baseUrl}/api/v1/users?status=active&role=admin&created_after=2025-01-01T00:00:00Z&fields=id,email`}
        </CodeBlock>
      </Section>

      <Section id="etags" title={t("api:docs.etags")}>
        <p className="max-w-3xl">{t("api:docs.etagsBody")}</p>
      </Section>

      <Section id="idempotency" title={t("api:docs.idempotency")}>
        <p className="max-w-3xl">{t("api:docs.idempotencyBody")}</p>
        <CodeBlock label={t("api:docs.idempotency")}>{"Idempotency-Key: 3f1c2e7a-9b0d-4c1e-8f2a-5d6b7c8d9e0f"}</CodeBlock>
      </Section>

      <Section id="rate-limits" title={t("api:docs.rateLimits")}>
        <p className="max-w-3xl">{t("api:docs.rateLimitsBody", { limit: rateLimit })}</p>
      </Section>

      <Section id="errors" title={t("api:docs.errors")}>
        <p className="max-w-3xl">{t("api:docs.errorsBody")}</p>
        <DocTable
          caption={t("api:docs.errors")}
          columns={[t("api:docs.columns.status"), t("api:docs.columns.title"), t("api:docs.columns.description")]}
          rows={view.problems.map((problem) => ({
            key: problem.kind,
            id: `problem-${problem.kind}`,
            head: <code className="font-mono">{problem.status}</code>,
            cells: [problem.title, <RichText key="description" text={problem.description} />],
          }))}
        />
      </Section>

      <Section id="endpoints" title={t("api:docs.endpoints")}>
        <div className="space-y-6">
          {view.endpoints.map((endpoint) => (
            <EndpointSection key={endpoint.id} endpoint={endpoint} />
          ))}
        </div>
      </Section>

      <Section id="schemas" title={t("api:docs.schemas")}>
        <div className="space-y-6">
          {view.schemas.map((schema) => (
            <section
              key={schema.name}
              id={`schema-${schema.name}`}
              aria-labelledby={`schema-${schema.name}-title`}
              className="space-y-2"
            >
              <h3 id={`schema-${schema.name}-title`} className="font-mono text-lg font-semibold">
                {schema.name}
              </h3>
              {schema.description ? (
                <p className="text-slate-800">
                  <RichText text={schema.description} />
                </p>
              ) : null}
              {schema.values ? (
                <p>
                  <TypeLabel type={{ kind: "primitive", name: "string", values: schema.values }} />
                </p>
              ) : (
                <DocTable
                  caption={schema.name}
                  columns={[
                    t("api:docs.columns.property"),
                    t("api:docs.columns.type"),
                    t("api:docs.columns.required"),
                    t("api:docs.columns.description"),
                  ]}
                  rows={schema.properties.map((property) => ({
                    key: property.name,
                    head: <code className="font-mono">{property.name}</code>,
                    cells: [
                      <TypeLabel key="type" type={property.type} />,
                      property.required ? t("api:docs.yes") : t("api:docs.no"),
                      <RichText key="description" text={property.description} />,
                    ],
                  }))}
                />
              )}
            </section>
          ))}
        </div>
      </Section>
    </div>
  );
}
