// /admin/shop/collections — the collections (hand-picked, ordered product lists) and a form to add one.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { actorOf, catalogueTranslator } from "~/components/catalogue/catalogue-request.server";
import { CollectionForm } from "~/components/catalogue/collection-form";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { createCollection, listCollectionsForAdmin } from "~/domains/commerce/catalogue/collections.server";
import { createCollectionSchema } from "~/domains/commerce/catalogue/taxonomy-forms";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = { i18n: ["admin", "catalogue"], breadcrumb: "admin:nav.collections" };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const [t, collections] = await Promise.all([catalogueTranslator(request), listCollectionsForAdmin()]);
  return data(
    { title: t("collections.title"), collections, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const formData = await parseFormWithCsrf(request);
  const t = await catalogueTranslator(request);
  const submission = parseWithZod(formData, { schema: createCollectionSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  let id: string;
  try {
    ({ id } = await createCollection(submission.value, actorOf(user, context)));
  } catch (error) {
    if (isDomainError(error, "slug_taken"))
      return data(
        { result: submission.reply({ fieldErrors: { slug: [t("errors.slugTaken")] } }) as SubmissionResult<string[]> },
        { status: 409 },
      );
    throw error;
  }
  return redirectWithToast(request, `/admin/shop/collections/${id}`, { kind: "success", message: t("collections.created") });
}

export default function Collections() {
  const { collections, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("catalogue");
  return (
    <div className="space-y-6">
      <PageHeader title={t("collections.title")} lead={t("collections.lead", { count: collections.length })} />
      <Table
        caption={t("collections.caption")}
        captionHidden
        columns={[
          { key: "title", label: t("collections.name") },
          { key: "slug", label: t("collections.slug") },
          { key: "published", label: t("collections.published") },
          { key: "products", label: t("collections.products"), align: "right" },
        ]}
        empty={collections.length === 0 ? t("collections.empty") : undefined}
      >
        {collections.map((c) => (
          <tr key={c.id}>
            <RowHeader>
              <Link to={`/admin/shop/collections/${c.id}`} className="text-brand-700 underline">
                {c.title}
              </Link>
            </RowHeader>
            <Td>{c.slug}</Td>
            <Td>{c.isPublished ? t("yes") : t("no")}</Td>
            <Td className="text-right">{c._count.products}</Td>
          </tr>
        ))}
      </Table>
      {canUpdate ? (
        <Section title={t("collections.new")} id="new-collection-title">
          <CollectionForm
            id="collection-new"
            defaults={{ title: "", slug: "", description: "", isPublished: "on", position: "0" }}
            intent="create"
            submitLabel={t("collections.create")}
            lastResult={actionData?.result}
          />
        </Section>
      ) : null}
    </div>
  );
}
