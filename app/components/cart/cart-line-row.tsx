// One cart line as a table row: picture and name (linking to the product), unit price, a quantity
// form (0 removes), the line total and a remove button. Plain forms: no JavaScript needed.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ProductImage } from "~/components/shop/product-image";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { Td } from "~/components/ui/table";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { updateLineSchema, type Translate } from "~/domains/commerce/cart/cart-forms";
import { formatMoney } from "~/utils/money";
import type { CartViewLine } from "./cart-view.server";

function IssueNote({ line, lowStockThreshold }: { line: CartViewLine; lowStockThreshold: number }) {
  const { t } = useTranslation("cart");
  if (line.issue === null) {
    if (line.sellable !== null && line.sellable <= lowStockThreshold) {
      return <p className="text-sm text-slate-700">{t("line.lowStock", { count: line.sellable })}</p>;
    }
    return null;
  }
  const text =
    line.issue === "unavailable"
      ? t("line.unavailable")
      : line.issue === "out_of_stock"
        ? t("line.outOfStock")
        : t("line.onlyLeft", { count: line.sellable ?? 0 });
  return (
    <p className="text-sm font-medium text-red-800" data-testid="line-issue">
      {text}
    </p>
  );
}

export function CartLineRow({
  line,
  currency,
  lowStockThreshold,
  lastResult,
}: {
  line: CartViewLine;
  currency: string;
  lowStockThreshold: number;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t, i18n } = useTranslation("cart");
  const money = (value: number) => formatMoney(value, currency, i18n.language);
  const name = line.variantTitle ? `${line.title} (${line.variantTitle})` : line.title;
  const [form, fields] = useValidatedForm({
    id: `line-${line.id}`,
    schema: updateLineSchema(t as Translate),
    lastResult,
    defaultValue: { itemId: line.id, quantity: String(line.quantity) },
  });
  return (
    <tr data-testid="cart-line" data-sku={line.sku}>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <div className="flex gap-3">
          {line.image ? (
            <ProductImage image={line.image} sizes="80px" preferred={160} className="h-20 w-20 shrink-0 rounded object-cover" />
          ) : (
            <div className="h-20 w-20 shrink-0 rounded bg-slate-100" aria-hidden="true" />
          )}
          <div className="space-y-0.5">
            <Link to={`/shop/${line.productSlug}`} className="font-medium text-brand-800 underline">
              {line.title}
            </Link>
            {line.variantTitle ? <p className="text-sm text-slate-700">{line.variantTitle}</p> : null}
            <p className="text-xs text-slate-600">{t("line.sku", { sku: line.sku })}</p>
            {line.kind === "digital" ? <p className="text-xs text-slate-600">{t("line.digital")}</p> : null}
            <IssueNote line={line} lowStockThreshold={lowStockThreshold} />
          </div>
        </div>
      </th>
      <Td className="text-right whitespace-nowrap">
        {money(line.unitPrice)}
        {line.compareAtPrice !== null && line.compareAtPrice > line.unitPrice ? (
          <s className="block text-xs text-slate-600">{t("line.wasPrice", { price: money(line.compareAtPrice) })}</s>
        ) : null}
      </Td>
      <Td>
        <Form method="post" action="/cart" {...getFormProps(form)} className="flex items-start gap-2">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name={fields.itemId.name} value={line.id} />
          <InputField
            meta={fields.quantity}
            label={<span className="sr-only">{t("line.quantityLabel", { title: name })}</span>}
            inputMode="numeric"
            autoComplete="off"
            className="w-20"
          />
          <SubmitButton variant="secondary" name="intent" value="update" pendingLabel={t("line.updating")}>
            {t("line.update")}
          </SubmitButton>
        </Form>
      </Td>
      <Td className="text-right whitespace-nowrap" data-testid="line-total">
        {money(line.lineTotal)}
      </Td>
      <Td>
        <Form method="post" action="/cart">
          <AuthenticityTokenInput />
          <input type="hidden" name="itemId" value={line.id} />
          <SubmitButton variant="link" name="intent" value="remove" aria-label={t("line.removeLabel", { title: name })}>
            {t("line.remove")}
          </SubmitButton>
        </Form>
      </Td>
    </tr>
  );
}
