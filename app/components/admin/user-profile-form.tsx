// Edit a person's name, e-mail, time zone and language (conform: validated in the browser when
// JavaScript runs, always on the server).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { createUserProfileSchema } from "~/domains/identity/admin-schemas";
import { supportedLanguages } from "~/infra/i18n";
import { useValidatedForm } from "~/components/ui/use-validated-form";

type Props = {
  user: { name: string; email: string; timeZone: string; locale: string };
  timeZones: string[];
  lastResult?: SubmissionResult<string[]>;
  disabled?: boolean;
};

export function UserProfileForm({ user, timeZones, lastResult, disabled }: Props) {
  const { t } = useTranslation("admin");
  const schema = createUserProfileSchema(t);
  const [form, fields] = useValidatedForm({ id: "user-profile", schema, lastResult, defaultValue: user });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{t("users.profile.title")}</legend>
        <InputField meta={fields.name} label={t("users.profile.name")} autoComplete="off" />
        <InputField meta={fields.email} type="email" label={t("users.profile.email")} autoComplete="off" />
        <SelectField
          meta={fields.timeZone}
          label={t("users.profile.timeZone")}
          options={timeZones.map((zone) => ({ value: zone, label: zone }))}
        />
        <SelectField
          meta={fields.locale}
          label={t("users.profile.locale")}
          options={supportedLanguages.map((lng) => ({ value: lng, label: t(`common:language.${lng}`) }))}
        />
      </fieldset>
      {disabled ? null : (
        <SubmitButton name="intent" value="profile" pendingLabel={t("common:actions.saving")}>
          {t("users.profile.save")}
        </SubmitButton>
      )}
    </Form>
  );
}
