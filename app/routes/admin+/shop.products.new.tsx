// /admin/shop/products/new — create a product with its variants (then images and files on its page).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/admin/page-header";
import { actorOf, catalogueTranslator } from "~/components/catalogue/catalogue-request.server";
import { productErrorReply } from "~/components/catalogue/product-errors.server";
import { ProductForm } from "~/components/catalogue/product-form";
import { listCategoriesForAdmin } from "~/domains/commerce/catalogue/categories.server";
import { createProductFormSchema } from "~/domains/commerce/catalogue/product-form";
import { newProductDefaults } from "~/domains/commerce/catalogue/product-form-defaults";
import { createProduct } from "~/domains/commerce/catalogue/products.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["admin", "catalogue"], breadcrumb: "catalogue:products.new" };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.updateShopAny);
  const [t, categories, settings] = await Promise.all([
    i18n.getFixedT(request, "catalogue"),
    listCategoriesForAdmin(),
    getShopSettings(),
  ]);
  return data(
    {
      title: t("products.new"),
      categories: categories.map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
      currency: settings.currency,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const formData = await parseFormWithCsrf(request);
  const t = await catalogueTranslator(request);
  const { currency } = await getShopSettings();
  const submission = parseWithZod(formData, { schema: createProductFormSchema(t, currency) });
  if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  try {
    const { id } = await createProduct(submission.value, actorOf(user, context));
    return redirectWithToast(request, `/admin/shop/products/${id}`, { kind: "success", message: t("products.created") });
  } catch (error) {
    const reply = productErrorReply(error, submission, formData, t);
    if (!reply) throw error;
    return data({ result: reply as SubmissionResult<string[]> }, { status: 409 });
  }
}

export default function NewProduct() {
  const { categories, currency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("catalogue");
  return (
    <div className="space-y-6">
      <PageHeader title={t("products.new")} lead={t("products.newLead")} />
      <ProductForm
        id="product-new"
        defaults={newProductDefaults()}
        categories={categories}
        stock={[]}
        currency={currency}
        intent="create"
        submitLabel={t("products.create")}
        lastResult={actionData?.result}
      />
    </div>
  );
}
