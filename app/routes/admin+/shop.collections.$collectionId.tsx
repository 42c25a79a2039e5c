// /admin/shop/collections/<id> — edit a collection, add products by slug, order them (move up/down),
// remove them, delete the collection.
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { PageHeader, Section } from "~/components/admin/page-header";
import { actorOf, catalogueTranslator, notFound, requiredParam } from "~/components/catalogue/catalogue-request.server";
import { CollectionForm } from "~/components/catalogue/collection-form";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { IntentButton } from "~/components/ui/intent-button";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import {
  addToCollection,
  deleteCollection,
  getCollectionForAdmin,
  moveInCollection,
  removeFromCollection,
  updateCollection,
} from "~/domains/commerce/catalogue/collections.server";
import { createCollectionProductSchema, createCollectionSchema } from "~/domains/commerce/catalogue/taxonomy-forms";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = {
  i18n: ["admin", "catalogue"],
  breadcrumb: (loaderData: unknown) => (loaderData as { collection?: { title: string } } | undefined)?.collection?.title ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.collection.title ?? ""} · Verso` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const collection = await getCollectionForAdmin(requiredParam(params.collectionId));
  if (!collection) throw notFound();
  return data(
    { collection, canUpdate: userCan(viewer, PERMISSIONS.updateShopAny) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { intent: string; result?: SubmissionResult<string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const collectionId = requiredParam(params.collectionId);
  const formData = await parseFormWithCsrf(request);
  const t = await catalogueTranslator(request);
  const actor = actorOf(user, context);
  const here = `/admin/shop/collections/${collectionId}`;
  const intent = String(formData.get("intent") ?? "");
  try {
    switch (intent) {
      case "save": {
        const submission = parseWithZod(formData, { schema: createCollectionSchema(t) });
        if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
        try {
          await updateCollection(collectionId, submission.value, actor);
        } catch (error) {
          if (!isDomainError(error, "slug_taken")) throw error;
          return data<ActionData>(
            { intent, result: submission.reply({ fieldErrors: { slug: [t("errors.slugTaken")] } }) },
            { status: 409 },
          );
        }
        return redirectWithToast(request, here, { kind: "success", message: t("collections.saved") });
      }
      case "add": {
        const submission = parseWithZod(formData, { schema: createCollectionProductSchema(t) });
        if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
        let changed: boolean;
        try {
          ({ changed } = await addToCollection({ collectionId, product: submission.value.product }, actor));
        } catch (error) {
          if (!isDomainError(error, "not_found") || error.details.entity !== "product") throw error;
          return data<ActionData>(
            { intent, result: submission.reply({ fieldErrors: { product: [t("errors.productMissing")] } }) },
            { status: 409 },
          );
        }
        return redirectWithToast(
          request,
          here,
          changed ? { kind: "success", message: t("collections.added") } : { kind: "info", message: t("collections.alreadyIn") },
        );
      }
      case "up":
      case "down":
        await moveInCollection({ collectionId, productId: String(formData.get("productId") ?? ""), direction: intent }, actor);
        return redirectWithToast(request, here, { kind: "success", message: t("collections.moved") });
      case "remove":
        await removeFromCollection({ collectionId, productId: String(formData.get("productId") ?? "") }, actor);
        return redirectWithToast(request, here, { kind: "success", message: t("collections.removed") });
      case "delete":
        await deleteCollection(collectionId, actor);
        return redirectWithToast(request, "/admin/shop/collections", { kind: "success", message: t("collections.deleted") });
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw notFound();
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

function AddProductForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("catalogue");
  const [form, fields] = useValidatedForm({ id: "collection-add", schema: createCollectionProductSchema(t), lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
      <AuthenticityTokenInput />
      <InputField
        meta={fields.product}
        label={t("collections.addProduct")}
        description={t("collections.addProductHelp")}
        autoComplete="off"
      />
      <SubmitButton name="intent" value="add" variant="secondary">
        {t("collections.add")}
      </SubmitButton>
    </Form>
  );
}

export default function CollectionPage() {
  const { collection, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("catalogue");
  const items = collection.products;
  return (
    <div className="space-y-6">
      <PageHeader title={collection.title} lead={t("collections.pageLead", { count: items.length })}>
        <Link to="/admin/shop/collections" className="text-sm text-brand-700 underline">
          {t("collections.back")}
        </Link>
      </PageHeader>
      <Section title={t("collections.productsTitle")} id="products-title">
        <Table
          caption={t("collections.productsCaption", { title: collection.title })}
          captionHidden
          columns={[
            { key: "position", label: t("collections.order"), align: "right" },
            { key: "title", label: t("products.columns.title") },
            { key: "status", label: t("products.columns.status") },
            { key: "actions", label: t("collections.actions") },
          ]}
          empty={items.length === 0 ? t("collections.noProducts") : undefined}
        >
          {items.map(({ product }, index) => (
            <tr key={product.id}>
              <Td className="text-right">{index + 1}</Td>
              <RowHeader>
                <Link to={`/admin/shop/products/${product.id}`} className="text-brand-700 underline">
                  {product.title}
                </Link>
              </RowHeader>
              <Td>{t(`status.${product.status}`)}</Td>
              <Td>
                {canUpdate ? (
                  <Form
                    method="post"
                    className="flex flex-wrap gap-2"
                    aria-label={t("collections.actionsFor", { title: product.title })}
                  >
                    <AuthenticityTokenInput />
                    <input type="hidden" name="productId" value={product.id} />
                    {index > 0 ? (
                      <SubmitButton name="intent" value="up" variant="secondary">
                        {t("images.moveUp")}
                        <span className="sr-only"> {product.title}</span>
                      </SubmitButton>
                    ) : null}
                    {index < items.length - 1 ? (
                      <SubmitButton name="intent" value="down" variant="secondary">
                        {t("images.moveDown")}
                        <span className="sr-only"> {product.title}</span>
                      </SubmitButton>
                    ) : null}
                    <SubmitButton name="intent" value="remove" variant="danger">
                      {t("images.remove")}
                      <span className="sr-only"> {product.title}</span>
                    </SubmitButton>
                  </Form>
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
        {canUpdate ? <AddProductForm lastResult={actionData?.intent === "add" ? actionData.result : undefined} /> : null}
      </Section>
      <Section title={t("collections.settings")} id="settings-title">
        <CollectionForm
          key={`${collection.title}|${collection.slug}|${collection.isPublished}|${collection.position}`}
          id="collection-edit"
          defaults={{
            title: collection.title,
            slug: collection.slug,
            description: collection.description,
            isPublished: collection.isPublished ? "on" : undefined,
            position: String(collection.position),
          }}
          intent="save"
          submitLabel={t("collections.save")}
          lastResult={actionData?.intent === "save" ? actionData.result : undefined}
          disabled={!canUpdate}
        />
      </Section>
      {canUpdate ? (
        <Section title={t("collections.deleteTitle")} id="delete-title">
          <p className="text-sm text-slate-700">{t("collections.deleteHelp")}</p>
          <IntentButton intent="delete" label={t("collections.delete")} variant="danger" />
        </Section>
      ) : null}
    </div>
  );
}
