// /admin/webhooks/:endpointId — one endpoint: its settings (URL, description, events), state
// (enable, disable), secret rotation (the new secret is shown once), a test event, deletion, and
// the delivery log. Viewing needs read:webhook:any; every change needs update:webhook:any.
import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { Pagination } from "~/components/ui/pagination";
import { DeliveriesTable } from "~/components/webhooks/deliveries-table";
import { submitEndpointForm } from "~/components/webhooks/endpoint-action.server";
import { EndpointForm } from "~/components/webhooks/endpoint-form";
import { EndpointStatus } from "~/components/webhooks/endpoint-status";
import { SecretPanel } from "~/components/webhooks/secret-panel";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parsePage } from "~/domains/platform/list-query";
import { WEBHOOK_EVENT_TYPES } from "~/domains/platform/webhooks/catalog";
import { listWebhookDeliveries } from "~/domains/platform/webhooks/deliveries.server";
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
} from "~/domains/platform/webhooks/endpoints.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { IntentButton } from "~/components/ui/intent-button";

export const handle = { i18n: ["admin", "webhooks", "api"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.endpoint.url ?? ""} · Verso` },
];

const PAGE_SIZE = 25;

function notFound() {
  return new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readWebhookAny);
  const endpointId = params.endpointId ?? "";
  const endpoint = await getWebhookEndpoint({ endpointId });
  if (!endpoint) throw notFound();
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const deliveries = await listWebhookDeliveries({ endpointId, page, pageSize: PAGE_SIZE });
  return data(
    { endpoint, deliveries, eventTypes: WEBHOOK_EVENT_TYPES, canUpdate: userCan(viewer, PERMISSIONS.updateWebhookAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const INTENTS = ["update", "enable", "disable", "rotate", "delete", "test"] as const;
type Intent = (typeof INTENTS)[number];
type ActionData = { intent: Intent; result?: SubmissionResult<string[]>; secret?: string; message?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateWebhookAny);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, "webhooks");
  const endpointId = params.endpointId ?? "";
  const intent = String(formData.get("intent") ?? "") as Intent;
  if (!INTENTS.includes(intent)) throw new Response("Unknown intent", { status: 400 });
  const base = { actorId: actor.id, ipAddress: context.clientIp ?? null, endpointId };
  const here = `/admin/webhooks/${endpointId}`;
  const reply = (payload: Omit<ActionData, "intent">, status: number) =>
    data<ActionData>({ intent, ...payload }, { status, headers: { "Cache-Control": "no-store" } });
  const done = (message: string, changed = true) =>
    redirectWithToast(request, here, changed ? { kind: "success", message } : { kind: "info", message: t("toast.unchanged") });

  try {
    switch (intent) {
      case "update": {
        const outcome = await submitEndpointForm({ request, formData, ...base });
        if (!outcome.ok) return reply({ result: outcome.result }, 400);
        return done(t("toast.saved"), outcome.changed);
      }
      case "enable":
      case "disable": {
        const { changed } = await setWebhookEndpointEnabled({ ...base, enabled: intent === "enable" });
        return done(intent === "enable" ? t("toast.enabled") : t("toast.disabled"), changed);
      }
      case "rotate": {
        const { secret } = await rotateWebhookSecret(base);
        return reply({ secret }, 200);
      }
      case "delete": {
        await deleteWebhookEndpoint(base);
        return redirectWithToast(request, "/admin/webhooks", { kind: "success", message: t("toast.deleted") });
      }
      case "test": {
        await sendWebhookTestEvent(base);
        return done(t("toast.testQueued"));
      }
    }
  } catch (error) {
    if (isDomainError(error, "webhook.endpoint-not-found")) throw notFound();
    if (isDomainError(error, "webhook.endpoint-disabled")) return reply({ message: t("errors.endpointDisabled") }, 409);
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function AdminWebhookEndpoint() {
  const { endpoint, deliveries, eventTypes, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("webhooks");
  const formatDate = useFormatDateTime();
  return (
    <div className="space-y-6">
      <PageHeader title={endpoint.url} lead={t("detail.lead", { date: formatDate(endpoint.createdAt) })}>
        <EndpointStatus
          enabled={endpoint.enabled}
          disabledReason={endpoint.disabledReason}
          consecutiveFailures={endpoint.consecutiveFailures}
        />
      </PageHeader>
      {actionData?.intent === "rotate" && actionData.secret ? (
        <SecretPanel title={t("secret.rotatedTitle")} secret={actionData.secret} />
      ) : null}
      <Section title={t("form.editTitle")} id="settings-title">
        <EndpointForm
          key={`${endpoint.url}|${endpoint.description}|${endpoint.events.join(",")}`}
          id="edit-webhook-endpoint"
          intent="update"
          eventTypes={eventTypes}
          defaultValue={{ url: endpoint.url, description: endpoint.description, events: endpoint.events }}
          lastResult={actionData?.intent === "update" ? actionData.result : undefined}
          disabled={!canUpdate}
        />
      </Section>
      {canUpdate ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Section title={t("detail.stateTitle")} id="state-title">
            {endpoint.enabled ? (
              <>
                <p className="text-sm text-slate-700">{t("detail.disableHelp")}</p>
                <IntentButton intent="disable" label={t("detail.disable")} variant="danger" />
              </>
            ) : (
              <IntentButton intent="enable" label={t("detail.enable")} variant="primary" />
            )}
          </Section>
          <Section title={t("detail.testTitle")} id="test-title">
            <ActionMessage message={actionData?.intent === "test" ? actionData.message : undefined} />
            <p className="text-sm text-slate-700">{t("detail.testHelp")}</p>
            <IntentButton intent="test" label={t("detail.test")} />
          </Section>
          <Section title={t("secret.label")} id="secret-title">
            <p className="text-sm text-slate-700">{t("secret.rotateHelp")}</p>
            <IntentButton intent="rotate" label={t("secret.rotate")} />
          </Section>
          <Section title={t("detail.dangerTitle")} id="delete-title">
            <p className="text-sm text-slate-700">{t("detail.deleteHelp")}</p>
            <IntentButton intent="delete" label={t("detail.delete")} variant="danger" />
          </Section>
        </div>
      ) : null}
      <section aria-labelledby="deliveries-title" className="space-y-3">
        <h2 id="deliveries-title" className="text-lg font-semibold">
          {t("deliveries.title")}
        </h2>
        <DeliveriesTable endpointId={endpoint.id} rows={deliveries.items} />
        {deliveries.total > deliveries.pageSize ? (
          <Pagination page={deliveries.page} pageSize={deliveries.pageSize} total={deliveries.total} />
        ) : null}
      </section>
    </div>
  );
}
