// /admin/shop/products/<id>/file — the private file of a digital product (up to 50 MB, replaced on
// upload). It is never served by a public URL: buyers get it through signed, counted download links.
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { PageHeader, Section } from "~/components/admin/page-header";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import {
  actorOf,
  catalogueTranslator,
  fileFrom,
  notFound,
  parseUploadForm,
  requiredParam,
} from "~/components/catalogue/catalogue-request.server";
import { SubmitButton } from "~/components/ui/button";
import { FieldShell, inputClass } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { IntentButton } from "~/components/ui/intent-button";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import {
  MAX_DIGITAL_BYTES,
  digitalAssetInfo,
  removeDigitalAsset,
  uploadDigitalAsset,
} from "~/domains/commerce/catalogue/digital-assets.server";
import { createDigitalFileSchema } from "~/domains/commerce/catalogue/image-form";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readShopAny);
  const productId = requiredParam(params.productId);
  const [product, asset] = await Promise.all([getProductForAdmin(productId), digitalAssetInfo(productId)]);
  if (!product) throw notFound();
  const t = await catalogueTranslator(request);
  return data(
    {
      title: t("file.title", { product: product.title }),
      product: { id: product.id, title: product.title, kind: product.kind },
      asset,
      canUpdate: userCan(viewer, PERMISSIONS.updateShopAny),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { intent: string; result?: SubmissionResult<string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.updateShopAny);
  const productId = requiredParam(params.productId);
  const t = await catalogueTranslator(request);
  const actor = actorOf(user, context);
  const here = `/admin/shop/products/${productId}/file`;
  const parsed = await parseUploadForm(request, MAX_DIGITAL_BYTES);
  if ("tooLarge" in parsed) {
    return data<ActionData>(
      { intent: "upload", result: { status: "error", error: { file: [t("errors.file_too_large")] } } },
      { status: 413 },
    );
  }
  const { formData } = parsed;
  const intent = String(formData.get("intent") ?? "");
  try {
    if (intent === "upload") {
      const submission = parseWithZod(formData, { schema: createDigitalFileSchema(t) });
      if (submission.status !== "success")
        return data<ActionData>({ intent, result: submission.reply({ hideFields: ["file"] }) }, { status: 400 });
      const file = await fileFrom(formData, "file");
      try {
        await uploadDigitalAsset({ productId, fileName: file!.name, contentType: file!.type, bytes: file!.bytes }, actor);
      } catch (error) {
        if (!isDomainError(error) || !["file_empty", "file_too_large", "not_digital"].includes(error.code)) throw error;
        return data<ActionData>(
          { intent, result: submission.reply({ fieldErrors: { file: [t(`errors.${error.code}`)] }, hideFields: ["file"] }) },
          { status: 422 },
        );
      }
      return redirectWithToast(request, here, { kind: "success", message: t("file.uploaded") });
    }
    if (intent === "remove") {
      await removeDigitalAsset(productId, actor);
      return redirectWithToast(request, here, { kind: "success", message: t("file.removed") });
    }
  } catch (error) {
    if (isDomainError(error, "not_found")) throw notFound();
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

function formatBytes(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}

export default function ProductFile() {
  const { title, product, asset, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("catalogue");
  const formatDate = useFormatDateTime();
  const [form, fields] = useValidatedForm({
    id: "digital-file",
    schema: createDigitalFileSchema(t),
    lastResult: actionData?.intent === "upload" ? actionData.result : undefined,
  });
  return (
    <div className="space-y-6">
      <PageHeader title={title} lead={t("file.lead")}>
        <Link to={`/admin/shop/products/${product.id}`} className="text-sm text-brand-700 underline">
          {t("images.back")}
        </Link>
      </PageHeader>
      {product.kind !== "digital" ? <p className="text-sm">{t("file.notDigital")}</p> : null}
      <Section title={t("file.current")} id="current-title">
        {asset ? (
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-700">{t("file.name")}</dt>
              <dd>{asset.fileName}</dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("file.size")}</dt>
              <dd>{formatBytes(asset.byteSize, i18n.language)}</dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("file.type")}</dt>
              <dd>{asset.contentType}</dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("file.uploadedAt")}</dt>
              <dd>{formatDate(asset.createdAt)}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-700">{t("file.sha256")}</dt>
              <dd className="break-all font-mono text-xs">{asset.sha256}</dd>
            </div>
          </dl>
        ) : (
          <p className="text-sm">{t("file.none")}</p>
        )}
        {asset && canUpdate ? <IntentButton intent="remove" label={t("file.remove")} variant="danger" /> : null}
      </Section>
      {canUpdate && product.kind === "digital" ? (
        <Section title={asset ? t("file.replace") : t("file.uploadTitle")} id="upload-title">
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
            <AuthenticityTokenInput />
            <FormError errors={form.errors} id={form.errorId} />
            <FieldShell id={fields.file.id} label={t("file.file")} description={t("file.fileHelp")} errors={fields.file.errors}>
              {(describedBy) => (
                <input {...getInputProps(fields.file, { type: "file", ariaDescribedBy: describedBy })} className={inputClass} />
              )}
            </FieldShell>
            <SubmitButton name="intent" value="upload" pendingLabel={t("images.uploading")}>
              {t("file.upload")}
            </SubmitButton>
          </Form>
        </Section>
      ) : null}
    </div>
  );
}
