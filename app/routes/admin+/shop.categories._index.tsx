// /admin/shop/categories — the category tree (indented outline with product counts) and a form to
// add a category.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { actorOf, catalogueTranslator } from "~/components/catalogue/catalogue-request.server";
import { CategoryForm } from "~/components/catalogue/category-form";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { createCategory, listCategoriesForAdmin } from "~/domains/commerce/catalogue/categories.server";
import { createCategorySchema } from "~/domains/commerce/catalogue/taxonomy-forms";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = { i18n: ["admin", "catalogue"], breadcrumb: "admin:nav.categories" };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [t, categories] = await Promise.all([catalogueTranslator(request), listCategoriesForAdmin()]);
  return data(
    { title: t("categories.title"), categories, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const formData = await parseFormWithCsrf(request);
  const t = await catalogueTranslator(request);
  const submission = parseWithZod(formData, { schema: createCategorySchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  try {
    await createCategory(submission.value, actorOf(user, context));
  } catch (error) {
    if (isDomainError(error, "slug_taken"))
      return data(
        { result: submission.reply({ fieldErrors: { slug: [t("errors.slugTaken")] } }) as SubmissionResult<string[]> },
        { status: 409 },
      );
    if (isDomainError(error, "not_found"))
      return data(
        { result: submission.reply({ fieldErrors: { parentId: [t("errors.parentMissing")] } }) as SubmissionResult<string[]> },
        { status: 409 },
      );
    throw error;
  }
  return redirectWithToast(request, "/admin/shop/categories", { kind: "success", message: t("categories.created") });
}

export default function Categories() {
  const { categories, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("catalogue");
  return (
    <div className="space-y-6">
      <PageHeader title={t("categories.title")} lead={t("categories.lead", { count: categories.length })} />
      <Table
        caption={t("categories.caption")}
        captionHidden
        columns={[
          { key: "name", label: t("categories.name") },
          { key: "slug", label: t("categories.slug") },
          { key: "products", label: t("categories.products"), align: "right" },
          { key: "children", label: t("categories.children"), align: "right" },
        ]}
        empty={categories.length === 0 ? t("categories.empty") : undefined}
      >
        {categories.map((c) => (
          <tr key={c.id}>
            <RowHeader>
              <span style={{ paddingInlineStart: `${c.depth * 1.5}rem` }} className="inline-block">
                {c.depth > 0 ? <span aria-hidden="true">↳ </span> : null}
                <Link to={`/admin/shop/categories/${c.id}`} className="text-brand-700 underline">
                  {c.name}
                </Link>
              </span>
            </RowHeader>
            <Td>{c.slug}</Td>
            <Td className="text-right">{c.productCount}</Td>
            <Td className="text-right">{c.childCount}</Td>
          </tr>
        ))}
      </Table>
      {canUpdate ? (
        <Section title={t("categories.new")} id="new-category-title">
          <CategoryForm
            id="category-new"
            defaults={{ name: "", slug: "", description: "", parentId: "", position: "0" }}
            parents={categories}
            intent="create"
            submitLabel={t("categories.create")}
            lastResult={actionData?.result}
          />
        </Section>
      ) : null}
    </div>
  );
}
