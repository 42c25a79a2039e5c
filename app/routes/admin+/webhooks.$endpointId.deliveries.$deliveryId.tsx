// /admin/webhooks/:endpointId/deliveries/:deliveryId — one delivery: the body that was signed,
// every attempt with its request headers, response code, body excerpt or error, and "Redeliver"
// (same webhook-id). Viewing needs read:webhook:any; redelivering needs update:webhook:any.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { SubmitButton } from "~/components/ui/button";
import { DeliveryAttempts } from "~/components/webhooks/delivery-attempts";
import { DeliveryStatus } from "~/components/webhooks/endpoint-status";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { getWebhookDelivery, redeliverWebhook } from "~/domains/platform/webhooks/deliveries.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = {
  i18n: ["admin", "webhooks"],
  breadcrumb: (loaderData: unknown) => (loaderData as { delivery?: { id: string } } | undefined)?.delivery?.id ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.delivery.id ?? ""} · Verso` },
];

function notFound() {
  return new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readWebhookAny);
  const delivery = await getWebhookDelivery({ endpointId: params.endpointId ?? "", deliveryId: params.deliveryId ?? "" });
  if (!delivery) throw notFound();
  return data(
    { endpointId: params.endpointId ?? "", delivery, canUpdate: userCan(viewer, PERMISSIONS.updateWebhookAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateWebhookAny);
  const formData = await parseFormWithCsrf(request);
  if (formData.get("intent") !== "redeliver") throw new Response("Unknown intent", { status: 400 });
  const t = await i18n.getFixedT(request, "webhooks");
  const endpointId = params.endpointId ?? "";
  const deliveryId = params.deliveryId ?? "";
  try {
    await redeliverWebhook({ actorId: actor.id, ipAddress: context.clientIp ?? null, endpointId, deliveryId });
  } catch (error) {
    if (isDomainError(error, "webhook.delivery-not-found")) throw notFound();
    if (isDomainError(error, "webhook.delivery-pending")) return data({ message: t("errors.deliveryPending") }, { status: 409 });
    if (isDomainError(error, "webhook.endpoint-disabled"))
      return data({ message: t("errors.endpointDisabled") }, { status: 409 });
    throw error;
  }
  return redirectWithToast(request, `/admin/webhooks/${endpointId}/deliveries/${deliveryId}`, {
    kind: "success",
    message: t("toast.redelivered"),
  });
}

export default function AdminWebhookDelivery() {
  const { endpointId, delivery, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("webhooks");
  const formatDate = useFormatDateTime();
  return (
    <div className="space-y-6">
      <PageHeader title={t("delivery.title", { id: delivery.id })}>
        <DeliveryStatus status={delivery.status} />
      </PageHeader>
      <p>
        <Link to={`/admin/webhooks/${endpointId}`} className="font-medium text-brand-700 underline">
          {t("delivery.back")}
        </Link>
      </p>
      <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-700">{t("delivery.event")}</dt>
        <dd>
          <code className="font-mono">{delivery.eventType}</code>
        </dd>
        <dt className="text-slate-700">{t("delivery.eventId")}</dt>
        <dd className="font-mono">{delivery.eventId}</dd>
        <dt className="text-slate-700">{t("delivery.created")}</dt>
        <dd>{formatDate(delivery.createdAt)}</dd>
        <dt className="text-slate-700">{t("delivery.completed")}</dt>
        <dd>{formatDate(delivery.completedAt)}</dd>
        {delivery.lastError ? (
          <>
            <dt className="text-slate-700">{t("delivery.lastError")}</dt>
            <dd className="break-all">{delivery.lastError}</dd>
          </>
        ) : null}
      </dl>
      {canUpdate ? (
        <Section title={t("delivery.redeliverTitle")} id="redeliver-title">
          <ActionMessage message={actionData?.message} />
          <p className="text-sm text-slate-700">{t("delivery.redeliverHelp")}</p>
          {delivery.status === "pending" ? (
            <p className="text-sm text-slate-700">{t("errors.deliveryPending")}</p>
          ) : (
            <Form method="post">
              <AuthenticityTokenInput />
              <SubmitButton name="intent" value="redeliver">
                {t("delivery.redeliver")}
              </SubmitButton>
            </Form>
          )}
        </Section>
      ) : null}
      <Section title={t("delivery.body")} id="body-title">
        <pre
          tabIndex={0}
          className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs text-slate-900"
        >
          {JSON.stringify(JSON.parse(delivery.body), null, 2)}
        </pre>
      </Section>
      <Section title={t("delivery.attemptsTitle")} id="attempts-title">
        <DeliveryAttempts attempts={delivery.attemptLog} />
      </Section>
    </div>
  );
}
