// /account/orders/:number — one of the customer's orders: status, tracking, items with download
// links (paid digital items) and "write a review" (delivered), totals, address and refunds.
// Another customer's order number is a 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { OrderStatusBadge, useFormatMoney } from "~/components/orders/order-badges";
import { OrderItemsTable, OrderTotals, ShippingAddress } from "~/components/orders/order-summary";
import { getCustomerOrder } from "~/domains/commerce/orders/account-orders.server";
import { requireUser } from "~/domains/identity/guards.server";

export const handle = { i18n: ["orders"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.order.number ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const order = await getCustomerOrder(user.id, params.number ?? "");
  if (!order) throw new Response("Not found", { status: 404 });
  return { order };
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["order"]["items"][number];

function ItemExtras({ item }: { item: Item }) {
  const { t } = useTranslation("orders");
  const formatDate = useFormatDateTime();
  if (item.downloads.length === 0 && !item.reviewUrl) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm font-normal">
      {item.downloads.map((grant) => (
        <li key={grant.id}>
          {grant.usable ? (
            <>
              <a href={grant.url} className="text-brand-700 underline">
                {t("account.download", { title: item.title })}
              </a>{" "}
              <span className="text-slate-700">
                ({t("account.downloadsLeft", { count: grant.remaining, date: formatDate(grant.expiresAt) })})
              </span>
            </>
          ) : (
            <span className="text-slate-700">
              {grant.expired
                ? t("account.downloadExpired", { title: item.title, date: formatDate(grant.expiresAt) })
                : t("account.downloadUsed")}
            </span>
          )}
        </li>
      ))}
      {item.reviewUrl ? (
        <li>
          <Link to={item.reviewUrl} className="text-brand-700 underline">
            {t("account.review", { title: item.title })}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

export default function AccountOrder() {
  const { order } = useLoaderData<typeof loader>();
  const { t } = useTranslation("orders");
  const formatDate = useFormatDateTime();
  const money = useFormatMoney();
  return (
    <>
      <header className="space-y-2">
        <p>
          <Link to="/account/orders" className="text-sm text-brand-700 underline">
            {t("account.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t("account.detailTitle", { number: order.number })}</h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          {t("account.placed", { date: formatDate(order.placedAt) })} <OrderStatusBadge status={order.status} />
        </p>
      </header>

      {order.status === "pending_payment" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("account.awaitingPayment")}{" "}
          {order.paymentMethod === "stripe" ? (
            <Link to={`/checkout/pay/${encodeURIComponent(order.number)}`} className="text-brand-700 underline">
              {t("account.payNow")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {order.carrier && order.trackingNumber ? (
        <p className="text-sm">{t("account.tracking", { carrier: order.carrier, trackingNumber: order.trackingNumber })}</p>
      ) : null}
      {order.fulfilledAt ? <p className="text-sm">{t("account.shippedOn", { date: formatDate(order.fulfilledAt) })}</p> : null}
      {order.deliveredAt ? <p className="text-sm">{t("account.deliveredOn", { date: formatDate(order.deliveredAt) })}</p> : null}

      <section aria-labelledby="items-title" className="space-y-3">
        <h2 id="items-title" className="text-lg font-semibold">
          {t("account.items")}
        </h2>
        <OrderItemsTable
          currency={order.currency}
          items={order.items.map((item) => ({ ...item, extra: <ItemExtras item={item} /> }))}
        />
      </section>

      <section aria-labelledby="summary-title" className="space-y-3">
        <h2 id="summary-title" className="text-lg font-semibold">
          {t("account.summary")}
        </h2>
        <OrderTotals order={order} />
        {order.refunds.length > 0 ? (
          <>
            <h3 className="font-semibold">{t("account.refunds")}</h3>
            <ul className="text-sm">
              {order.refunds.map((refund) => (
                <li key={refund.id}>
                  {t("account.refundLine", { amount: money(refund.amount, order.currency), date: formatDate(refund.createdAt) })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {order.shipLine1 ? (
        <section aria-labelledby="address-title" className="space-y-3">
          <h2 id="address-title" className="text-lg font-semibold">
            {t("account.shipping")}
          </h2>
          <ShippingAddress order={order} />
        </section>
      ) : null}
    </>
  );
}
