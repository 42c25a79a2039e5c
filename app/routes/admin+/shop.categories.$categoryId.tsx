// /admin/shop/categories/<id> — edit a category (moving it under its own subcategory is refused)
// or delete it (refused while it has subcategories or products, saying how many).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { actorOf, catalogueTranslator, notFound, requiredParam } from "~/components/catalogue/catalogue-request.server";
import { CategoryForm } from "~/components/catalogue/category-form";
import { IntentButton } from "~/components/ui/intent-button";
import {
  deleteCategory,
  getCategory,
  listCategoriesForAdmin,
  updateCategory,
} from "~/domains/commerce/catalogue/categories.server";
import { descendantIds } from "~/domains/commerce/catalogue/category-tree";
import { createCategorySchema } from "~/domains/commerce/catalogue/taxonomy-forms";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = {
  i18n: ["admin", "catalogue"],
  breadcrumb: (loaderData: unknown) => (loaderData as { category?: { name: string } } | undefined)?.category?.name ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.category.name ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const id = requiredParam(params.categoryId);
  const [category, all] = await Promise.all([getCategory(id), listCategoriesForAdmin()]);
  if (!category) throw notFound();
  const excluded = new Set(descendantIds(all, id));
  return data(
    {
      category,
      parents: all.filter((c) => !excluded.has(c.id)).map((c) => ({ id: c.id, name: c.name, depth: c.depth })),
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { intent: string; result?: SubmissionResult<string[]>; message?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const id = requiredParam(params.categoryId);
  const formData = await parseFormWithCsrf(request);
  const t = await catalogueTranslator(request);
  const actor = actorOf(user, context);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: createCategorySchema(t) });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    try {
      await updateCategory(id, submission.value, actor);
    } catch (error) {
      const field = (name: string, message: string) =>
        data<ActionData>({ intent, result: submission.reply({ fieldErrors: { [name]: [message] } }) }, { status: 409 });
      if (isDomainError(error, "slug_taken")) return field("slug", t("errors.slugTaken"));
      if (isDomainError(error, "category_cycle")) return field("parentId", t("errors.categoryCycle"));
      if (isDomainError(error, "not_found") && error.details.entity === "parent")
        return field("parentId", t("errors.parentMissing"));
      if (isDomainError(error, "not_found")) throw notFound();
      throw error;
    }
    return redirectWithToast(request, `/admin/shop/categories/${id}`, { kind: "success", message: t("categories.saved") });
  }
  if (intent === "delete") {
    try {
      await deleteCategory(id, actor);
    } catch (error) {
      if (isDomainError(error, "category_in_use")) {
        return data<ActionData>(
          {
            intent,
            message: t("errors.categoryInUse", {
              children: t("categories.childCount", { count: Number(error.details.children) }),
              products: t("categories.productCount", { count: Number(error.details.products) }),
            }),
          },
          { status: 409 },
        );
      }
      if (isDomainError(error, "not_found")) throw notFound();
      throw error;
    }
    return redirectWithToast(request, "/admin/shop/categories", { kind: "success", message: t("categories.deleted") });
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function CategoryPage() {
  const { category, parents, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("catalogue");
  return (
    <div className="space-y-6">
      <PageHeader
        title={category.name}
        lead={t("categories.counts", {
          products: t("categories.productCount", { count: category._count.products }),
          children: t("categories.childCount", { count: category._count.children }),
        })}
      >
        <Link to="/admin/shop/categories" className="text-sm text-brand-700 underline">
          {t("categories.back")}
        </Link>
      </PageHeader>
      <CategoryForm
        key={`${category.name}|${category.slug}|${category.parentId}|${category.position}`}
        id="category-edit"
        defaults={{
          name: category.name,
          slug: category.slug,
          description: category.description,
          parentId: category.parentId ?? "",
          position: String(category.position),
        }}
        parents={parents}
        intent="save"
        submitLabel={t("categories.save")}
        lastResult={actionData?.intent === "save" ? actionData.result : undefined}
        disabled={!canUpdate}
      />
      {canUpdate ? (
        <Section title={t("categories.deleteTitle")} id="delete-title">
          <p className="text-sm text-slate-700">{t("categories.deleteHelp")}</p>
          <ActionMessage message={actionData?.intent === "delete" ? actionData.message : undefined} />
          <IntentButton intent="delete" label={t("categories.delete")} variant="danger" />
        </Section>
      ) : null}
    </div>
  );
}
