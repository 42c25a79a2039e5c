// A product's images in order: thumbnail, size, alt text form, move up/down, remove. Plain forms.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { FieldShell, inputClass } from "~/components/ui/field";
import { imageSources } from "~/domains/commerce/storefront/images";

type Image = { id: string; alt: string; width: number; height: number; widths: number[] };

export function ImageList({
  images,
  canUpdate,
  altResult,
}: {
  images: Image[];
  canUpdate: boolean;
  altResult?: { imageId?: string; result?: SubmissionResult<string[]> };
}) {
  const { t } = useTranslation("catalogue");
  if (images.length === 0) return <p className="text-sm text-slate-700">{t("images.none")}</p>;
  return (
    <ol className="space-y-4">
      {images.map((image, index) => {
        const sources = imageSources(image, 160);
        const failed = altResult?.imageId === image.id ? altResult.result : undefined;
        const altErrors = failed?.error?.alt ?? undefined;
        const altValue = failed?.initialValue?.alt;
        return (
          <li key={image.id} className="flex flex-wrap gap-4 rounded-lg border border-slate-200 bg-white p-4">
            {sources ? (
              <img
                src={sources.src}
                srcSet={sources.srcSet}
                sizes="160px"
                alt={image.alt}
                width={160}
                height={Math.round((image.height / image.width) * 160)}
                className="h-auto w-40 rounded"
              />
            ) : null}
            <div className="flex-1 space-y-3">
              <p className="text-sm text-slate-700">
                {t("images.position", { n: index + 1, count: images.length })} ·{" "}
                {t("images.size", { width: image.width, height: image.height })} ·{" "}
                {t("images.widths", { widths: image.widths.join(", ") })}
              </p>
              <Form method="post" className="flex flex-wrap items-end gap-3">
                <AuthenticityTokenInput />
                <input type="hidden" name="imageId" value={image.id} />
                <FieldShell
                  id={`alt-${image.id}`}
                  label={t("images.altFor", { n: index + 1 })}
                  errors={altErrors ?? undefined}
                  className="min-w-64 flex-1"
                >
                  {(describedBy) => (
                    <input
                      id={`alt-${image.id}`}
                      name="alt"
                      defaultValue={typeof altValue === "string" ? altValue : image.alt}
                      aria-describedby={describedBy}
                      aria-invalid={altErrors ? true : undefined}
                      required
                      maxLength={250}
                      disabled={!canUpdate}
                      className={inputClass}
                    />
                  )}
                </FieldShell>
                {canUpdate ? (
                  <SubmitButton name="intent" value="alt" variant="secondary">
                    {t("images.saveAlt")}
                  </SubmitButton>
                ) : null}
              </Form>
              {canUpdate ? (
                <Form method="post" className="flex flex-wrap gap-2" aria-label={t("images.actionsFor", { n: index + 1 })}>
                  <AuthenticityTokenInput />
                  <input type="hidden" name="imageId" value={image.id} />
                  {index > 0 ? (
                    <SubmitButton name="intent" value="up" variant="secondary">
                      {t("images.moveUp")}
                    </SubmitButton>
                  ) : null}
                  {index < images.length - 1 ? (
                    <SubmitButton name="intent" value="down" variant="secondary">
                      {t("images.moveDown")}
                    </SubmitButton>
                  ) : null}
                  <SubmitButton name="intent" value="remove" variant="danger">
                    {t("images.remove")}
                  </SubmitButton>
                </Form>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
