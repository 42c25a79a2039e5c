// The endpoint form (add and edit): URL, description and the events to subscribe to. Works without
// JavaScript; with it, conform checks the same schema in the browser. The server has the last word
// (https only, public addresses).
import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { eventLabelKey } from "~/domains/platform/webhooks/catalog";
import { createEndpointSchema } from "~/domains/platform/webhooks/endpoint-form";

type Props = {
  id: string;
  intent: "create" | "update";
  eventTypes: readonly string[];
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: { url: string; description: string; events: string[] };
  disabled?: boolean;
};

function EventCheckboxes({
  meta,
  eventTypes,
  disabled,
}: {
  meta: FieldMetadata<string[] | undefined>;
  eventTypes: readonly string[];
  disabled?: boolean;
}) {
  const { t } = useTranslation("webhooks");
  return (
    <CheckboxGroup
      meta={meta}
      legend={t("form.events")}
      description={t("form.eventsDescription")}
      options={eventTypes.map((type) => ({ value: type, label: t(eventLabelKey(type)) }))}
      disabled={disabled}
    />
  );
}

export function EndpointForm({ id, intent, eventTypes, lastResult, defaultValue, disabled = false }: Props) {
  const { t } = useTranslation("webhooks");
  const schema = createEndpointSchema(t);
  const [form, fields] = useValidatedForm({ id, schema, lastResult, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <AuthenticityTokenInput />
      <FormError id={form.errorId} errors={form.errors} />
      <InputField
        meta={fields.url}
        type="url"
        label={t("form.url")}
        description={t("form.urlDescription")}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
      />
      <InputField
        meta={fields.description}
        label={t("form.description")}
        description={t("form.descriptionHelp")}
        autoComplete="off"
        disabled={disabled}
      />
      <EventCheckboxes meta={fields.events} eventTypes={eventTypes} disabled={disabled} />
      {disabled ? null : (
        <SubmitButton name="intent" value={intent} pendingLabel={intent === "create" ? t("form.creating") : t("form.saving")}>
          {intent === "create" ? t("form.create") : t("form.save")}
        </SubmitButton>
      )}
    </Form>
  );
}
