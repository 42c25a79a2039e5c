// /admin/shop/inventory/<variantId> — adjust a variant's stock with a reason (received, damaged,
// count correction…) and see its adjustment history. Stock never drops below what open checkouts
// have reserved; such an adjustment is refused with the numbers.
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { actorOf, catalogueTranslator, notFound, requiredParam } from "~/components/catalogue/catalogue-request.server";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { Table, Td } from "~/components/ui/table";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createAdjustmentSchema } from "~/domains/commerce/catalogue/inventory-form";
import { adjustStock, getInventoryVariant, listAdjustments } from "~/domains/commerce/catalogue/inventory.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = {
  i18n: ["admin", "catalogue"],
  breadcrumb: (loaderData: unknown) => (loaderData as { variant?: { sku: string } } | undefined)?.variant?.sku ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.variant.sku ?? ""} · Verso` }];

const REASON_SUGGESTIONS = ["received", "damaged", "lost", "count", "returned"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const variantId = requiredParam(params.variantId);
  const [variant, history] = await Promise.all([getInventoryVariant(variantId), listAdjustments(variantId, 50)]);
  if (!variant) throw notFound();
  return data(
    { variant, history, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const variantId = requiredParam(params.variantId);
  const formData = await parseFormWithCsrf(request);
  const t = await catalogueTranslator(request);
  const submission = parseWithZod(formData, { schema: createAdjustmentSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  try {
    const after = await adjustStock({ variantId, ...submission.value }, actorOf(user, context));
    return redirectWithToast(request, `/admin/shop/inventory/${variantId}`, {
      kind: "success",
      message: t("inventory.adjusted", { stock: after.stockOnHand }),
    });
  } catch (error) {
    if (isDomainError(error, "below_reserved")) {
      const message = t("errors.belowReserved", {
        onHand: Number(error.details.stockOnHand),
        reserved: Number(error.details.stockReserved),
      });
      return data(
        { result: submission.reply({ fieldErrors: { delta: [message] } }) as SubmissionResult<string[]> },
        { status: 409 },
      );
    }
    if (isDomainError(error, "stock_too_high")) {
      const message = t("errors.stockTooHigh", { max: Number(error.details.max) });
      return data(
        { result: submission.reply({ fieldErrors: { delta: [message] } }) as SubmissionResult<string[]> },
        { status: 409 },
      );
    }
    if (isDomainError(error, "not_found")) throw notFound();
    throw error;
  }
}

export default function InventoryVariant() {
  const { variant, history, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("catalogue");
  const formatDate = useFormatDateTime();
  const [form, fields] = useValidatedForm({
    id: "stock-adjust",
    schema: createAdjustmentSchema(t),
    lastResult: actionData?.result,
  });
  const name = variant.title ? `${variant.product.title} — ${variant.title}` : variant.product.title;
  return (
    <div className="space-y-6">
      <PageHeader title={name} lead={variant.sku}>
        <Link to={`/admin/shop/products/${variant.product.id}`} className="text-sm text-brand-700 underline">
          {t("inventory.product")}
        </Link>
      </PageHeader>
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-700">{t("inventory.columns.onHand")}</dt>
          <dd className="text-lg font-semibold">{variant.stockOnHand}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("inventory.columns.reserved")}</dt>
          <dd className="text-lg font-semibold">{variant.stockReserved}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("inventory.columns.sellable")}</dt>
          <dd className="text-lg font-semibold">
            {variant.trackInventory ? variant.stockOnHand - variant.stockReserved : t("inventory.untracked")}
          </dd>
        </div>
      </dl>
      {canUpdate ? (
        <Section title={t("inventory.adjustTitle")} id="adjust-title">
          <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
            <AuthenticityTokenInput />
            <FormError errors={form.errors} id={form.errorId} />
            <InputField
              meta={fields.delta}
              label={t("inventory.delta")}
              description={t("inventory.deltaHelp")}
              inputMode="numeric"
              autoComplete="off"
            />
            <InputField
              meta={fields.reason}
              label={t("inventory.reason")}
              description={t("inventory.reasonHelp")}
              list="reason-suggestions"
              autoComplete="off"
            />
            <datalist id="reason-suggestions">
              {REASON_SUGGESTIONS.map((r) => (
                <option key={r} value={t(`inventory.reasons.${r}`)} />
              ))}
            </datalist>
            <div className="sm:col-span-2">
              <SubmitButton pendingLabel={t("common:actions.saving")}>{t("inventory.adjust")}</SubmitButton>
            </div>
          </Form>
        </Section>
      ) : null}
      <Section title={t("inventory.historyTitle")} id="history-title">
        <Table
          caption={t("inventory.historyCaption")}
          captionHidden
          columns={[
            { key: "when", label: t("inventory.columns.when") },
            { key: "delta", label: t("inventory.columns.delta"), align: "right" },
            { key: "after", label: t("inventory.columns.after"), align: "right" },
            { key: "reason", label: t("inventory.columns.reason") },
            { key: "who", label: t("inventory.columns.who") },
          ]}
          empty={history.length === 0 ? t("inventory.noHistory") : undefined}
        >
          {history.map((h) => (
            <tr key={h.id}>
              <Td>{formatDate(h.createdAt)}</Td>
              <Td className="text-right">{h.delta > 0 ? `+${h.delta}` : h.delta}</Td>
              <Td className="text-right">{h.stockAfter}</Td>
              <Td>{h.reason}</Td>
              <Td>{h.actor ? h.actor.name || h.actor.email : h.orderId ? t("inventory.byOrder") : t("inventory.bySystem")}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </div>
  );
}
