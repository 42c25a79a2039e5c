// /admin/shop/orders/:orderId — one order: items, totals, address, payment, refunds, gift-card use,
// the timeline, and the actions its status allows (order-status.ts decides). Viewing needs
// read:order:any; every action (one `intent`) needs update:order:any and is audited by the domain.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { OrderStatusBadge, useFormatMoney } from "~/components/orders/order-badges";
import { CancelForm, FulfilForm, RefundForm } from "~/components/orders/order-admin-forms";
import { GiftCardUse, OrderTimeline, RefundsTable } from "~/components/orders/order-history";
import { OrderItemsTable, OrderTotals, ShippingAddress } from "~/components/orders/order-summary";
import { IntentButton } from "~/components/ui/intent-button";
import { CANCELLABLE_STATUSES, REFUNDABLE_STATUSES, canTransition, type OrderStatus } from "~/domains/commerce/order-status";
import { getOrderForAdmin } from "~/domains/commerce/orders/admin-query.server";
import { cancelOrderWithRefund } from "~/domains/commerce/orders/cancel-with-refund.server";
import { FulfilmentInputError } from "~/domains/commerce/orders/fulfilment.server";
import { decimalAmount } from "~/domains/commerce/orders/money-text";
import {
  fulfilOrderNow,
  markDelivered,
  markOfflineOrderPaid,
  updateOrderTracking,
} from "~/domains/commerce/orders/order-actions.server";
import { createCancelSchema, createFulfilSchema, createRefundSchema } from "~/domains/commerce/orders/order-forms";
import { refundOrder } from "~/domains/commerce/orders/refund-order.server";
import { ledgerFromRefunds, refundableAmount } from "~/domains/commerce/orders/refund-split";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { formatMoney } from "~/utils/money";

export const handle = {
  i18n: ["orders", "commerce"],
  breadcrumb: (loaderData: unknown) => (loaderData as { order?: { number: string } } | undefined)?.order?.number ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.order.number ?? ""} · Verso` }];

function notFound() {
  return new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readOrderAny);
  const order = await getOrderForAdmin(params.orderId ?? "");
  if (!order) throw notFound();
  const refundable = refundableAmount(ledgerFromRefunds(order, order.refunds));
  return {
    order,
    refundable,
    refundableDecimal: decimalAmount(refundable, order.currency),
    canUpdate: userCan(viewer, PERMISSIONS.updateOrderAny),
  };
}

const INTENTS = ["markPaid", "fulfil", "tracking", "deliver", "refund", "cancel"] as const;
type Intent = (typeof INTENTS)[number];
type ActionData = { intent: Intent; result?: SubmissionResult<string[]>; message?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateOrderAny);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, ["orders", "commerce"]);
  const orderId = params.orderId ?? "";
  const intent = String(formData.get("intent") ?? "") as Intent;
  if (!INTENTS.includes(intent)) throw new Response("Unknown intent", { status: 400 });
  const order = await getOrderForAdmin(orderId);
  if (!order) throw notFound();
  const who = { actorId: actor.id, ipAddress: context.clientIp ?? null };
  const fail = (payload: Omit<ActionData, "intent">, status = 400) => data<ActionData>({ intent, ...payload }, { status });
  const done = (message: string, changed = true) =>
    redirectWithToast(
      request,
      `/admin/shop/orders/${orderId}`,
      changed ? { kind: "success", message } : { kind: "info", message: t("toast.unchanged") },
    );
  const refusal = (error: unknown) => {
    if (!isDomainError(error)) throw error;
    if (error.code === "not_found") throw notFound();
    return t(`errors.${error.code}`, { defaultValue: t("errors.generic") });
  };

  switch (intent) {
    case "markPaid": {
      try {
        const { changed } = await markOfflineOrderPaid(orderId, who);
        return done(t("toast.paid"), changed);
      } catch (error) {
        return fail({ message: refusal(error) }, 409);
      }
    }
    case "deliver": {
      try {
        await markDelivered(orderId, who);
        return done(t("toast.delivered"));
      } catch (error) {
        return fail({ message: refusal(error) }, 409);
      }
    }
    case "fulfil":
    case "tracking": {
      const submission = parseWithZod(formData, { schema: createFulfilSchema(t) });
      if (submission.status !== "success") return fail({ result: submission.reply() });
      try {
        const input = { orderId, ...submission.value };
        if (intent === "fulfil") await fulfilOrderNow(input, who);
        else await updateOrderTracking(input, who);
        return done(intent === "fulfil" ? t("toast.fulfilled") : t("toast.tracking"));
      } catch (error) {
        if (error instanceof FulfilmentInputError) {
          const fieldErrors: Record<string, string[]> = {};
          for (const [field, issue] of Object.entries(error.issues)) {
            if (issue) fieldErrors[field] = [t(issue.key, issue.values)];
          }
          return fail({ result: submission.reply({ fieldErrors }) });
        }
        return fail({ result: submission.reply({ formErrors: [refusal(error)] }) }, 409);
      }
    }
    case "refund": {
      const submission = parseWithZod(formData, { schema: createRefundSchema(t, order.currency) });
      if (submission.status !== "success") return fail({ result: submission.reply() });
      try {
        const refund = await refundOrder({ orderId, ...submission.value, ...who });
        const locale = await i18n.getLocale(request);
        return done(t("toast.refunded", { amount: formatMoney(refund.amount, order.currency, locale) }));
      } catch (error) {
        const message = refusal(error);
        const onAmount = isDomainError(error, "refund_exceeds_refundable") || isDomainError(error, "invalid_refund");
        return fail(
          { result: submission.reply(onAmount ? { fieldErrors: { amount: [message] } } : { formErrors: [message] }) },
          onAmount ? 400 : 409,
        );
      }
    }
    case "cancel": {
      const submission = parseWithZod(formData, { schema: createCancelSchema(t) });
      if (submission.status !== "success") return fail({ result: submission.reply() });
      try {
        const { refunded, cancelled } = await cancelOrderWithRefund({ orderId, ...submission.value, ...who });
        if (!cancelled) {
          const locale = await i18n.getLocale(request);
          return done(t("toast.refunded", { amount: formatMoney(refunded, order.currency, locale) }));
        }
        return done(refunded > 0 ? t("toast.cancelledRefunded") : t("toast.cancelled"));
      } catch (error) {
        return fail({ result: submission.reply({ formErrors: [refusal(error)] }) }, 409);
      }
    }
  }
}

export default function AdminOrder() {
  const { order, refundable, refundableDecimal, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orders");
  const formatDate = useFormatDateTime();
  const money = useFormatMoney();
  const status = order.status as OrderStatus;
  const resultFor = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined);
  const messageFor = (intent: Intent) => (actionData?.intent === intent ? actionData.message : undefined);
  const needsShipping = order.items.some((item) => item.requiresShipping);
  const canFulfil = canUpdate && canTransition(status, "fulfilled");
  const canRefund = canUpdate && REFUNDABLE_STATUSES.includes(status) && refundable > 0;
  const canCancel = canUpdate && CANCELLABLE_STATUSES.includes(status);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("detail.title", { number: order.number })}
        lead={t("detail.lead", { date: formatDate(order.placedAt), email: order.email })}
      >
        <OrderStatusBadge status={order.status} />
      </PageHeader>
      <p>
        <Link to="/admin/shop/orders" className="text-sm text-brand-700 underline">
          {t("detail.back")}
        </Link>
      </p>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Section title={t("detail.items")} id="items-title">
            <OrderItemsTable items={order.items} currency={order.currency} />
            <OrderTotals order={order} />
          </Section>

          {canUpdate && status === "pending_payment" && order.paymentMethod === "offline" ? (
            <Section title={t("actions.markPaid.title")} id="mark-paid-title">
              <p className="text-sm text-slate-700">
                {t("actions.markPaid.help", { amount: money(order.amountDue, order.currency) })}
              </p>
              <ActionMessage message={messageFor("markPaid")} />
              <IntentButton intent="markPaid" label={t("actions.markPaid.submit")} variant="primary" />
            </Section>
          ) : null}

          {canFulfil ? (
            <Section title={t("actions.fulfil.title")} id="fulfil-title">
              <FulfilForm intent="fulfil" lastResult={resultFor("fulfil")} needsShipping={needsShipping} />
            </Section>
          ) : null}

          {canUpdate && (status === "fulfilled" || status === "delivered") && needsShipping ? (
            <Section title={t("actions.fulfil.trackingTitle")} id="tracking-title">
              <FulfilForm
                key={`${order.carrier}|${order.trackingNumber}`}
                intent="tracking"
                lastResult={resultFor("tracking")}
                needsShipping
                defaults={{ carrier: order.carrier ?? "", trackingNumber: order.trackingNumber ?? "" }}
              />
            </Section>
          ) : null}

          {canUpdate && canTransition(status, "delivered") ? (
            <Section title={t("actions.deliver.title")} id="deliver-title">
              <ActionMessage message={messageFor("deliver")} />
              <IntentButton intent="deliver" label={t("actions.deliver.submit")} />
            </Section>
          ) : null}

          {canRefund ? (
            <Section title={t("actions.refund.title")} id="refund-title">
              <RefundForm
                key={refundable}
                lastResult={resultFor("refund")}
                currency={order.currency}
                refundableText={money(refundable, order.currency)}
                suggested={refundableDecimal}
              />
            </Section>
          ) : null}

          {canCancel ? (
            <Section title={t("actions.cancel.title")} id="cancel-title">
              <CancelForm lastResult={resultFor("cancel")} paid={status === "paid"} />
            </Section>
          ) : null}

          <Section title={t("detail.refunds.title")} id="refunds-title">
            <RefundsTable refunds={order.refunds} currency={order.currency} />
          </Section>
        </div>

        <div className="space-y-6">
          <Section title={t("detail.customer")} id="customer-title">
            <p className="text-sm">
              {order.user ? (
                <Link to={`/admin/users/${order.user.id}`} className="text-brand-700 underline">
                  {order.user.name}
                </Link>
              ) : (
                t("detail.guest")
              )}
              <span className="block">{order.email}</span>
            </p>
          </Section>
          <Section title={t("detail.shipping")} id="shipping-title">
            <ShippingAddress order={order} />
            {order.carrier ? (
              <p className="text-sm">{t("detail.tracking", { carrier: order.carrier, trackingNumber: order.trackingNumber })}</p>
            ) : null}
          </Section>
          <Section title={t("detail.payment")} id="payment-title">
            <dl className="space-y-1 text-sm">
              <div>
                <dt className="inline font-medium">{t("detail.paymentMethod")}: </dt>
                <dd className="inline">{t(`payment.${order.paymentMethod}`)}</dd>
              </div>
              <div>
                <dt className="inline font-medium">{t("detail.paidAt")}: </dt>
                <dd className="inline">{order.paidAt ? formatDate(order.paidAt) : t("detail.notPaid")}</dd>
              </div>
              {order.stripePaymentIntentId ? (
                <div>
                  <dt className="inline font-medium">{t("detail.stripePayment")}: </dt>
                  <dd className="inline font-mono text-xs">{order.stripePaymentIntentId}</dd>
                </div>
              ) : null}
              {order.cancelReason ? (
                <div>
                  <dt className="inline font-medium">{t("detail.cancelReason")}: </dt>
                  <dd className="inline">{order.cancelReason}</dd>
                </div>
              ) : null}
            </dl>
          </Section>
          <Section title={t("detail.giftCards.title")} id="gift-cards-title">
            <GiftCardUse entries={order.giftCardEntries} currency={order.currency} />
          </Section>
          <Section title={t("timeline.title")} id="timeline-title">
            <OrderTimeline entries={order.timeline} placedAt={order.placedAt} />
          </Section>
        </div>
      </div>
    </div>
  );
}
