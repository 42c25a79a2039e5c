// /admin/shop/gift-cards/<id> — one card: code, balance, expiry, recipient, the full ledger, and
// (with update:shop:any) adjusting the balance with a reason and switching the card off or on.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { AdjustGiftCardForm } from "~/components/pricing/adjust-gift-card-form";
import { giftCardState } from "~/components/pricing/gift-cards-table";
import { LedgerTable } from "~/components/pricing/ledger-table";
import { actorOf, pricingTranslator, requiredParam } from "~/components/pricing/pricing-request.server";
import { IntentButton } from "~/components/ui/intent-button";
import { formatGiftCardCode, maskGiftCardCode } from "~/domains/commerce/gift-cards/gift-card-code";
import { createAdjustGiftCardSchema } from "~/domains/commerce/gift-cards/gift-card-form";
import { adjustGiftCard, getGiftCard, setGiftCardActive } from "~/domains/commerce/gift-cards/gift-cards.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { formatMoney } from "~/utils/money";

export const handle = {
  i18n: ["admin", "pricing"],
  breadcrumb: (loaderData: unknown) => {
    const code = (loaderData as { card?: { code: string } } | undefined)?.card?.code;
    return code ? maskGiftCardCode(code) : "…";
  },
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData ? maskGiftCardCode(loaderData.card.code) : ""} · Verso` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [card, settings] = await Promise.all([getGiftCard(requiredParam(params.giftCardId)), getShopSettings()]);
  if (!card) throw new Response("Not found", { status: 404 });
  return data(
    { card, currency: settings.currency, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const giftCardId = requiredParam(params.giftCardId);
  const formData = await parseFormWithCsrf(request);
  const t = await pricingTranslator(request);
  const here = `/admin/shop/gift-cards/${giftCardId}`;
  const intent = formData.get("intent");
  try {
    if (intent === "adjust") {
      const { currency } = await getShopSettings();
      const submission = parseWithZod(formData, { schema: createAdjustGiftCardSchema(t, currency) });
      if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
      try {
        await adjustGiftCard(giftCardId, submission.value, actorOf(user, context));
      } catch (error) {
        if (isDomainError(error, "balance_too_large")) {
          return data(
            { result: submission.reply({ fieldErrors: { amount: [t("pricing:errors.amountTooLarge")] } }) },
            { status: 409 },
          );
        }
        if (!isDomainError(error, "insufficient_balance")) throw error;
        const balance = formatMoney(error.details.balance as number, currency, user.locale);
        return data(
          { result: submission.reply({ fieldErrors: { amount: [t("pricing:errors.insufficientBalance", { balance })] } }) },
          { status: 409 },
        );
      }
      return redirectWithToast(request, here, { kind: "success", message: t("giftCards.adjusted") });
    }
    if (intent === "activate" || intent === "deactivate") {
      await setGiftCardActive(giftCardId, intent === "activate", actorOf(user, context));
      return redirectWithToast(request, here, {
        kind: "success",
        message: intent === "activate" ? t("giftCards.activated") : t("giftCards.deactivated"),
      });
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response("Not found", { status: 404 });
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function GiftCardPage() {
  const { card, currency, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("pricing");
  const timeZone = useRootData()?.timeZone ?? "UTC";
  const locale = i18n.language;
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const state = giftCardState(card);
  return (
    <div className="space-y-6">
      <PageHeader title={t("giftCards.cardTitle", { code: maskGiftCardCode(card.code) })} lead={t(`giftCards.states.${state}`)} />
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-700">{t("giftCards.code")}</dt>
          <dd className="font-mono text-lg font-semibold" data-testid="gift-card-code">
            {formatGiftCardCode(card.code)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("giftCards.balance")}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="gift-card-balance">
            {money(card.balance)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("giftCards.initialBalance")}</dt>
          <dd className="tabular-nums">{money(card.initialBalance)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("giftCards.expiresAt")}</dt>
          <dd>{card.expiresAt ? formatDateTime(card.expiresAt, { locale, timeZone }) : t("giftCards.noExpiry")}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("giftCards.recipientEmail")}</dt>
          <dd>{card.recipientEmail ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("giftCards.issuedBy")}</dt>
          <dd>
            {card.createdBy?.name ?? card.createdBy?.email ?? "—"} · {formatDateTime(card.createdAt, { locale, timeZone })}
          </dd>
        </div>
        {card.note ? (
          <div className="sm:col-span-2 lg:col-span-3">
            <dt className="text-sm text-slate-700">{t("giftCards.note")}</dt>
            <dd className="whitespace-pre-line">{card.note}</dd>
          </div>
        ) : null}
      </dl>
      {canUpdate ? (
        <>
          <Section title={t("giftCards.adjustTitle")} id="adjust-gift-card-title">
            <AdjustGiftCardForm key={card.entries.length} currency={currency} lastResult={actionData?.result} />
          </Section>
          <Section title={t("giftCards.stateTitle")} id="gift-card-state-title">
            <p className="text-sm text-slate-700">
              {card.isActive ? t("giftCards.deactivateHelp") : t("giftCards.activateHelp")}
            </p>
            {card.isActive ? (
              <IntentButton intent="deactivate" label={t("giftCards.deactivate")} variant="danger" />
            ) : (
              <IntentButton intent="activate" label={t("giftCards.activate")} />
            )}
          </Section>
        </>
      ) : null}
      <section aria-labelledby="ledger-title" className="space-y-3">
        <h2 id="ledger-title" className="text-lg font-semibold">
          {t("giftCards.ledgerTitle")}
        </h2>
        <LedgerTable entries={card.entries} currency={currency} />
      </section>
    </div>
  );
}
