// /admin/shop/gift-cards — every gift card (search by code or recipient, filter by state, pages as
// links) and the form that issues one. Viewing needs read:shop:any; issuing needs update:shop:any.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { GiftCardsTable } from "~/components/pricing/gift-cards-table";
import { IssueGiftCardForm } from "~/components/pricing/issue-gift-card-form";
import { actorOf, pricingTranslator } from "~/components/pricing/pricing-request.server";
import { PlainField } from "~/components/ui/field";
import { FilterForm } from "~/components/ui/filter-form";
import { Pagination } from "~/components/ui/pagination";
import { SelectFilter } from "~/components/ui/select-filter";
import { createIssueGiftCardSchema } from "~/domains/commerce/gift-cards/gift-card-form";
import { GIFT_CARD_STATUSES } from "~/domains/commerce/gift-cards/gift-card-filters";
import { issueGiftCard, listGiftCards } from "~/domains/commerce/gift-cards/gift-cards.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { oneOf, parsePage, textParam } from "~/domains/platform/list-query";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = { i18n: ["admin", "pricing"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const params = new URL(request.url).searchParams;
  const query = {
    q: textParam(params, "q", 254),
    status: oneOf(params.get("status"), GIFT_CARD_STATUSES, "all"),
    page: parsePage(params.get("page")),
  };
  const [t, list, settings] = await Promise.all([pricingTranslator(request), listGiftCards(query), getShopSettings()]);
  return data(
    {
      title: t("giftCards.title"),
      query: { ...query, page: list.page },
      ...list,
      currency: settings.currency,
      timeZone: viewer.timeZone,
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const formData = await parseFormWithCsrf(request);
  if (formData.get("intent") !== "issue") throw new Response("Unknown intent", { status: 400 });
  const t = await pricingTranslator(request);
  const { currency } = await getShopSettings();
  const submission = parseWithZod(formData, { schema: createIssueGiftCardSchema(t, { currency, timeZone: user.timeZone }) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const card = await issueGiftCard(submission.value, actorOf(user, context));
  const message = submission.value.recipientEmail
    ? t("giftCards.issuedSent", { email: submission.value.recipientEmail })
    : t("giftCards.issued");
  return redirectWithToast(request, `/admin/shop/gift-cards/${card.id}`, { kind: "success", message });
}

export default function GiftCardsPage() {
  const { query, items, total, page, pageSize, currency, timeZone, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pricing");
  return (
    <div className="space-y-4">
      <PageHeader title={t("giftCards.title")} lead={t("giftCards.lead", { count: total })} />
      <FilterForm
        action="/admin/shop/gift-cards"
        label={t("giftCards.filters")}
        applyLabel={t("common.apply")}
        clearLabel={t("common.clear")}
      >
        <PlainField label={t("giftCards.search")} name="q" type="search" defaultValue={query.q} />
        <SelectFilter
          label={t("giftCards.status")}
          name="status"
          defaultValue={query.status}
          options={GIFT_CARD_STATUSES.map((value) => ({ value, label: t(`giftCards.statuses.${value}`) }))}
        />
      </FilterForm>
      <GiftCardsTable rows={items} currency={currency} />
      <Pagination page={page} pageSize={pageSize} total={total} />
      {canUpdate ? (
        <Section title={t("giftCards.issueTitle")} id="issue-gift-card-title">
          <IssueGiftCardForm key={total} currency={currency} timeZone={timeZone} lastResult={actionData?.result} />
        </Section>
      ) : null}
    </div>
  );
}
