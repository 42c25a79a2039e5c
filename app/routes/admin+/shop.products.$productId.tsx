// /admin/shop/products/<id> — edit a product and its variants; links to its images, its digital
// file and the storefront page; delete (only a product never ordered; otherwise archive it).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { actorOf, catalogueTranslator, notFound, requiredParam } from "~/components/catalogue/catalogue-request.server";
import { productErrorReply } from "~/components/catalogue/product-errors.server";
import { ProductForm } from "~/components/catalogue/product-form";
import { IntentButton } from "~/components/ui/intent-button";
import { listCategoriesForAdmin } from "~/domains/commerce/catalogue/categories.server";
import { createProductFormSchema } from "~/domains/commerce/catalogue/product-form";
import { productDefaults } from "~/domains/commerce/catalogue/product-form-defaults";
import { getProductForAdmin } from "~/domains/commerce/catalogue/products-admin.server";
import { deleteProduct, unchangedSince, updateProduct } from "~/domains/commerce/catalogue/products.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { formatMoney } from "~/utils/money";

export const handle = {
  i18n: ["admin", "catalogue"],
  breadcrumb: (loaderData: unknown) => (loaderData as { product?: { title: string } } | undefined)?.product?.title ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.product.title ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [product, categories, settings] = await Promise.all([
    getProductForAdmin(requiredParam(params.productId)),
    listCategoriesForAdmin(),
    getShopSettings(),
  ]);
  if (!product) throw notFound();
  return data(
    {
      product,
      version: product.updatedAt.toISOString(),
      defaults: productDefaults(product, settings.currency),
      categories: categories.map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
      currency: settings.currency,
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { intent: string; result?: SubmissionResult<string[]>; message?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const productId = requiredParam(params.productId);
  const formData = await parseFormWithCsrf(request);
  const t = await catalogueTranslator(request);
  const actor = actorOf(user, context);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "save") {
    const { currency } = await getShopSettings();
    const submission = parseWithZod(formData, { schema: createProductFormSchema(t, currency) });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    try {
      // The form carries the product's updatedAt from when it was drawn: a save over someone else's
      // (a variant they added would otherwise be dropped as "removed") is refused, under the lock.
      const version = String(formData.get("version") ?? "");
      await updateProduct(productId, submission.value, actor, version ? unchangedSince(productId, version) : undefined);
    } catch (error) {
      if (isDomainError(error, "not_found") && error.details.entity === "product") throw notFound();
      const reply = productErrorReply(error, submission, formData, t);
      if (!reply) throw error;
      return data<ActionData>({ intent, result: reply as SubmissionResult<string[]> }, { status: 409 });
    }
    return redirectWithToast(request, `/admin/shop/products/${productId}`, { kind: "success", message: t("products.saved") });
  }
  if (intent === "delete") {
    try {
      await deleteProduct(productId, actor);
    } catch (error) {
      if (isDomainError(error, "not_found")) throw notFound();
      if (isDomainError(error, "product_has_orders"))
        return data<ActionData>({ intent, message: t("errors.productHasOrders") }, { status: 409 });
      if (isDomainError(error, "variant_reserved"))
        return data<ActionData>({ intent, message: t("errors.productReserved") }, { status: 409 });
      throw error;
    }
    return redirectWithToast(request, "/admin/shop/products", { kind: "success", message: t("products.deleted") });
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function EditProduct() {
  const { product, version, defaults, categories, currency, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("catalogue");
  const base = `/admin/shop/products/${product.id}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={product.title}
        lead={t("products.editLead", {
          status: t(`status.${product.status}`),
          price: formatMoney(product.minPrice, currency, i18n.language),
        })}
      >
        {product.status === "active" ? (
          <Link to={`/shop/${product.slug}`} className="text-sm text-brand-700 underline">
            {t("products.viewInShop")}
          </Link>
        ) : null}
      </PageHeader>
      <nav aria-label={t("products.sections")} className="flex flex-wrap gap-4 text-sm">
        <Link to={`${base}/images`} className="text-brand-700 underline">
          {t("images.linkCount", { count: product._count.images })}
        </Link>
        {product.kind === "digital" ? (
          <Link to={`${base}/file`} className="text-brand-700 underline">
            {product.digitalAsset ? t("file.linkHas", { name: product.digitalAsset.fileName }) : t("file.linkMissing")}
          </Link>
        ) : null}
      </nav>
      {product.kind === "digital" && !product.digitalAsset ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("file.missingWarning")}
        </p>
      ) : null}
      <ProductForm
        key={version}
        id="product-edit"
        version={version}
        defaults={defaults}
        categories={categories}
        stock={product.variants.map((v) => ({ id: v.id, stockOnHand: v.stockOnHand, stockReserved: v.stockReserved }))}
        currency={currency}
        intent="save"
        submitLabel={t("products.save")}
        lastResult={actionData?.intent === "save" ? actionData.result : undefined}
        disabled={!canUpdate}
      />
      {canUpdate ? (
        <Section title={t("products.deleteTitle")} id="delete-title">
          <p className="text-sm text-slate-700">{t("products.deleteHelp")}</p>
          <ActionMessage message={actionData?.intent === "delete" ? actionData.message : undefined} />
          <IntentButton intent="delete" label={t("products.delete")} variant="danger" />
        </Section>
      ) : null}
    </div>
  );
}
