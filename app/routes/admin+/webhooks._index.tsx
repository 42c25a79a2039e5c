// /admin/webhooks — every endpoint with its state and last delivery, and the form that adds one.
// Viewing needs read:webhook:any; adding needs update:webhook:any. The signing secret is shown
// once, in the answer to the POST that created the endpoint.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { Pagination } from "~/components/ui/pagination";
import { submitEndpointForm } from "~/components/webhooks/endpoint-action.server";
import { EndpointForm } from "~/components/webhooks/endpoint-form";
import { EndpointsTable } from "~/components/webhooks/endpoints-table";
import { SecretPanel } from "~/components/webhooks/secret-panel";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parsePage } from "~/domains/platform/list-query";
import { WEBHOOK_EVENT_TYPES } from "~/domains/platform/webhooks/catalog";
import { listWebhookEndpoints } from "~/domains/platform/webhooks/endpoints.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["admin", "webhooks", "api"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readWebhookAny);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const [t, list] = await Promise.all([i18n.getFixedT(request, "webhooks"), listWebhookEndpoints({ page, pageSize: PAGE_SIZE })]);
  return data(
    {
      title: t("title"),
      endpoints: list.items,
      page: list.page,
      pageSize: list.pageSize,
      total: list.total,
      eventTypes: WEBHOOK_EVENT_TYPES,
      canUpdate: userCan(viewer, PERMISSIONS.updateWebhookAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateWebhookAny);
  const formData = await parseFormWithCsrf(request);
  if (formData.get("intent") !== "create") throw new Response("Unknown intent", { status: 400 });
  const outcome = await submitEndpointForm({ request, formData, actorId: actor.id, ipAddress: context.clientIp ?? null });
  return data(outcome.ok ? { result: null, created: outcome.created } : { result: outcome.result, created: null }, {
    status: outcome.ok ? 200 : 400,
    headers: { "Cache-Control": "no-store" },
  });
}

export default function AdminWebhooks() {
  const { endpoints, page, pageSize, total, eventTypes, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("webhooks");
  const created = actionData?.created;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <p className="text-sm text-slate-700">{t("signingNote")}</p>
      {created ? (
        <div className="space-y-2">
          <SecretPanel title={t("secret.createdTitle")} secret={created.secret} />
          <p>
            <Link to={`/admin/webhooks/${created.id}`} className="font-medium text-brand-700 underline">
              {created.url}
            </Link>
          </p>
        </div>
      ) : null}
      <section aria-labelledby="endpoints-title" className="space-y-3">
        <h2 id="endpoints-title" className="text-lg font-semibold">
          {t("list.title")} <span className="text-sm font-normal text-slate-700">({t("list.summary", { count: total })})</span>
        </h2>
        <EndpointsTable rows={endpoints} />
        {total > pageSize ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
      </section>
      {canUpdate ? (
        <Section title={t("form.createTitle")} id="create-endpoint-title">
          <EndpointForm
            key={created?.id ?? "new"}
            id="create-webhook-endpoint"
            intent="create"
            eventTypes={eventTypes}
            lastResult={actionData?.result}
          />
        </Section>
      ) : null}
    </div>
  );
}
