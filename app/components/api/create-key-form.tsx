// The create-key form (account and admin pages). Works without JavaScript; with it, conform
// validates in the browser with the same schema the action uses.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import type { ApiScope } from "~/domains/identity/api-key-format";
import { createApiKeySchema } from "~/domains/identity/api-key-form";
import { ScopeCheckboxes } from "./scope-checkboxes";

type Props = { lastResult?: SubmissionResult<string[]> | null; scopes: readonly ApiScope[]; withOwnerEmail?: boolean };

export function CreateKeyForm({ lastResult, scopes, withOwnerEmail = false }: Props) {
  const { t } = useTranslation();
  const schema = createApiKeySchema(t, { withOwnerEmail });
  const [form, fields] = useForm<{ name: string; scopes: string[]; ownerEmail?: string }>({
    id: withOwnerEmail ? "admin-create-api-key" : "create-api-key",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const ownerEmail = withOwnerEmail ? fields.ownerEmail : undefined;
  return (
    <section aria-labelledby={`${form.id}-title`} className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
      <h2 id={`${form.id}-title`} className="text-lg font-semibold">
        {t("api:keys.createTitle")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AuthenticityTokenInput />
        <FormError id={form.errorId} errors={form.errors} />
        {ownerEmail ? (
          <InputField
            meta={ownerEmail}
            type="email"
            label={t("api:keys.ownerEmail")}
            description={t("api:keys.ownerEmailDescription")}
            autoComplete="off"
          />
        ) : null}
        <InputField
          meta={fields.name}
          label={t("api:keys.name")}
          description={t("api:keys.nameDescription")}
          autoComplete="off"
        />
        <ScopeCheckboxes meta={fields.scopes} scopes={scopes} />
        <SubmitButton name="intent" value="create" pendingLabel={t("api:keys.creating")} disabled={scopes.length === 0}>
          {t("api:keys.create")}
        </SubmitButton>
      </Form>
    </section>
  );
}
