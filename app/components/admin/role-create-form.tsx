// Create a role: a lowercase slug name (unique) and a description.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { createRoleSchema } from "~/domains/identity/admin-schemas";
import { useValidatedForm } from "~/components/ui/use-validated-form";

export function RoleCreateForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("admin");
  const schema = createRoleSchema(t);
  const [form, fields] = useValidatedForm({ id: "role-create", schema, lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          meta={fields.name}
          label={t("roles.create.name")}
          description={t("roles.create.nameHelp")}
          autoComplete="off"
        />
        <InputField meta={fields.description} label={t("roles.create.description")} autoComplete="off" />
      </div>
      <SubmitButton name="intent" value="create" pendingLabel={t("common:actions.saving")}>
        {t("roles.create.submit")}
      </SubmitButton>
    </Form>
  );
}
