// The customer's review form on the product page (rating 1–5, title, text), validated by the same
// schema in the browser and the action; errors next to each field, values kept.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FieldErrors, InputField, TextareaField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/button";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createReviewSchema } from "~/domains/commerce/storefront/review-form";

export function ReviewForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("shop");
  const schema = createReviewSchema(t);
  const [form, fields] = useValidatedForm({ id: "review", schema, lastResult });
  const ratingErrorId = fields.rating.errors?.length ? `${fields.rating.id}-error` : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">{t("reviews.formHeading")}</h3>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="review" />
      <fieldset aria-describedby={ratingErrorId}>
        <legend className="text-sm font-medium">{t("reviews.rating")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {[5, 4, 3, 2, 1].map((value) => (
            <label key={value} className="inline-flex items-center gap-1">
              <input
                type="radio"
                name={fields.rating.name}
                value={value}
                defaultChecked={fields.rating.initialValue === String(value)}
              />
              {t("reviews.stars", { count: value })}
            </label>
          ))}
        </div>
        <FieldErrors id={ratingErrorId} errors={fields.rating.errors} />
      </fieldset>
      <InputField meta={fields.title} label={t("reviews.title")} maxLength={120} />
      <TextareaField meta={fields.body} label={t("reviews.body")} rows={5} />
      <SubmitButton pendingLabel={t("reviews.submitting")}>{t("reviews.submit")}</SubmitButton>
    </Form>
  );
}
