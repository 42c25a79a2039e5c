// /admin/shop/products/<id>/images — upload images (multipart; type checked by content, 10 MB,
// resized to WebP renditions), describe them (alt text is required), order, remove, and choose
// which image each variant shows. The server raises the body limit for this path only.
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { PageHeader, Section } from "~/components/admin/page-header";
import {
  actorOf,
  catalogueTranslator,
  fileFrom,
  notFound,
  parseUploadForm,
  requiredParam,
} from "~/components/catalogue/catalogue-request.server";
import { ImageList } from "~/components/catalogue/image-list";
import { SubmitButton } from "~/components/ui/button";
import { FieldShell, InputField, inputClass } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createImageAltSchema, createImageUploadSchema } from "~/domains/commerce/catalogue/image-form";
import { MAX_IMAGE_BYTES } from "~/domains/commerce/catalogue/image-pipeline.server";
import {
  addProductImage,
  moveImage,
  removeImage,
  setVariantImage,
  updateImageAlt,
} from "~/domains/commerce/catalogue/images.server";
import { getProductForAdmin } from "~/domains/commerce/catalogue/products-admin.server";
import { isDomainError } from "~/domains/errors";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { redirectWithToast } from "~/infra/flash.server";

export const handle = {
  i18n: ["admin", "catalogue"],
  breadcrumb: (loaderData: unknown) => (loaderData as { product?: { title: string } } | undefined)?.product?.title ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.title ?? ""} · Verso` }];

const IMAGE_ERRORS = ["image_empty", "image_too_large", "image_type", "image_pixels", "too_many_images"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const product = await getProductForAdmin(requiredParam(params.productId));
  if (!product) throw notFound();
  const t = await catalogueTranslator(request);
  return data(
    {
      title: t("images.title", { product: product.title }),
      product: { id: product.id, title: product.title },
      images: product.images.map((i) => ({
        id: i.id,
        alt: i.alt,
        width: i.width,
        height: i.height,
        widths: i.renditions.map((r) => r.width),
      })),
      variants: product.variants.map((v) => ({ id: v.id, label: v.title ? `${v.title} (${v.sku})` : v.sku, imageId: v.imageId })),
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { intent: string; imageId?: string; result?: SubmissionResult<string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const productId = requiredParam(params.productId);
  const t = await catalogueTranslator(request);
  const actor = actorOf(user, context);
  const here = `/admin/shop/products/${productId}/images`;
  const parsed = await parseUploadForm(request, MAX_IMAGE_BYTES);
  if ("tooLarge" in parsed) {
    return data<ActionData>(
      { intent: "upload", result: { status: "error", error: { file: [t("errors.image_too_large")] } } },
      { status: 413 },
    );
  }
  const { formData } = parsed;
  const intent = String(formData.get("intent") ?? "");
  try {
    switch (intent) {
      case "upload": {
        const submission = parseWithZod(formData, { schema: createImageUploadSchema(t) });
        if (submission.status !== "success")
          return data<ActionData>({ intent, result: submission.reply({ hideFields: ["file"] }) }, { status: 400 });
        const file = await fileFrom(formData, "file");
        try {
          await addProductImage({ productId, bytes: file!.bytes, alt: submission.value.alt }, actor);
        } catch (error) {
          if (!isDomainError(error) || !IMAGE_ERRORS.includes(error.code)) throw error;
          return data<ActionData>(
            { intent, result: submission.reply({ fieldErrors: { file: [t(`errors.${error.code}`)] }, hideFields: ["file"] }) },
            { status: 422 },
          );
        }
        return redirectWithToast(request, here, { kind: "success", message: t("images.uploaded") });
      }
      case "alt": {
        const submission = parseWithZod(formData, { schema: createImageAltSchema(t) });
        const imageId = String(formData.get("imageId") ?? "");
        if (submission.status !== "success")
          return data<ActionData>({ intent, imageId, result: submission.reply() }, { status: 400 });
        await updateImageAlt({ productId, imageId, alt: submission.value.alt }, actor);
        return redirectWithToast(request, here, { kind: "success", message: t("images.altSaved") });
      }
      case "up":
      case "down":
        await moveImage({ productId, imageId: String(formData.get("imageId") ?? ""), direction: intent }, actor);
        return redirectWithToast(request, here, { kind: "success", message: t("images.moved") });
      case "remove":
        await removeImage({ productId, imageId: String(formData.get("imageId") ?? "") }, actor);
        return redirectWithToast(request, here, { kind: "success", message: t("images.removed") });
      case "variant-image": {
        const imageId = String(formData.get("imageId") ?? "");
        await setVariantImage({ productId, variantId: String(formData.get("variantId") ?? ""), imageId: imageId || null }, actor);
        return redirectWithToast(request, here, { kind: "success", message: t("images.variantSaved") });
      }
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw notFound();
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

function UploadForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("catalogue");
  const [form, fields] = useValidatedForm({ id: "image-upload", schema: createImageUploadSchema(t), lastResult });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <FieldShell id={fields.file.id} label={t("images.file")} description={t("images.fileHelp")} errors={fields.file.errors}>
        {(describedBy) => (
          <input
            {...getInputProps(fields.file, { type: "file", ariaDescribedBy: describedBy })}
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            className={inputClass}
          />
        )}
      </FieldShell>
      <InputField meta={fields.alt} label={t("images.alt")} description={t("images.altHelp")} />
      <div className="sm:col-span-2">
        <SubmitButton name="intent" value="upload" pendingLabel={t("images.uploading")}>
          {t("images.upload")}
        </SubmitButton>
      </div>
    </Form>
  );
}

export default function ProductImages() {
  const { title, product, images, variants, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("catalogue");
  return (
    <div className="space-y-6">
      <PageHeader title={title} lead={t("images.lead")}>
        <Link to={`/admin/shop/products/${product.id}`} className="text-sm text-brand-700 underline">
          {t("images.back")}
        </Link>
      </PageHeader>
      {canUpdate ? (
        <Section title={t("images.uploadTitle")} id="upload-title">
          <UploadForm lastResult={actionData?.intent === "upload" ? actionData.result : undefined} />
        </Section>
      ) : null}
      <Section title={t("images.listTitle")} id="list-title">
        <ImageList images={images} canUpdate={canUpdate} altResult={actionData?.intent === "alt" ? actionData : undefined} />
      </Section>
      {variants.length > 1 && images.length > 0 ? (
        <Section title={t("images.variantsTitle")} id="variants-title">
          <p className="text-sm text-slate-700">{t("images.variantsHelp")}</p>
          <ul className="space-y-3">
            {variants.map((v) => (
              <li key={v.id}>
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <AuthenticityTokenInput />
                  <input type="hidden" name="variantId" value={v.id} />
                  <div className="space-y-1">
                    <label htmlFor={`variant-image-${v.id}`} className="block text-sm font-medium">
                      {t("images.variantImage", { variant: v.label })}
                    </label>
                    <select
                      id={`variant-image-${v.id}`}
                      name="imageId"
                      defaultValue={v.imageId ?? ""}
                      className={inputClass}
                      disabled={!canUpdate}
                    >
                      <option value="">{t("images.firstImage")}</option>
                      {images.map((image, index) => (
                        <option key={image.id} value={image.id}>
                          {t("images.option", { n: index + 1, alt: image.alt })}
                        </option>
                      ))}
                    </select>
                  </div>
                  {canUpdate ? (
                    <SubmitButton name="intent" value="variant-image" variant="secondary">
                      {t("images.setVariantImage")}
                    </SubmitButton>
                  ) : null}
                </Form>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
