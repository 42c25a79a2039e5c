// The business profile form of /admin/settings: works without JavaScript (the server validates and
// sends back errors and values); with it, fields are checked as they are left.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField, TextareaField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import type { BusinessProfile } from "~/domains/platform/business-profile.server";
import { createBusinessProfileSchema } from "~/domains/platform/business-profile-schema";

export function BusinessProfileForm({
  profile,
  lastResult,
}: {
  profile: BusinessProfile;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("email");
  const schema = createBusinessProfileSchema(t);
  const [form, fields] = useValidatedForm({
    id: "business-profile",
    schema,
    lastResult,
    defaultValue: {
      name: profile.name,
      logoUrl: profile.logoUrl ?? "",
      postalAddress: profile.postalAddress ?? "",
      supportEmail: profile.supportEmail ?? "",
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField meta={fields.name} label={t("settings.name")} autoComplete="organization" />
        <InputField
          meta={fields.supportEmail}
          label={t("settings.supportEmail")}
          description={t("settings.supportEmailHelp")}
          type="email"
          autoComplete="off"
        />
      </div>
      <InputField
        meta={fields.logoUrl}
        label={t("settings.logoUrl")}
        description={t("settings.logoUrlHelp")}
        type="url"
        autoComplete="off"
      />
      <TextareaField
        meta={fields.postalAddress}
        label={t("settings.postalAddress")}
        description={t("settings.postalAddressHelp")}
        rows={3}
      />
      <SubmitButton pendingLabel={t("common:actions.saving")}>{t("settings.save")}</SubmitButton>
    </Form>
  );
}
