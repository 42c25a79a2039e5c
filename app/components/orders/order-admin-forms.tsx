// The admin order page's forms: fulfil (carrier + tracking), correct tracking, refund (amount,
// reason, restock) and cancel (reason, restock). Plain POST forms with conform validation in the
// browser when JavaScript runs; the server validates again and answers with errors by the field.
import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { FormError } from "~/components/ui/form-error";
import { useValidatedForm } from "~/components/ui/use-validated-form";
import { createCancelSchema, createFulfilSchema, createRefundSchema } from "~/domains/commerce/orders/order-forms";

type LastResult = SubmissionResult<string[]> | undefined;

function Checkbox({
  meta,
  label,
  description,
}: {
  meta: FieldMetadata<boolean | undefined>;
  label: string;
  description?: string;
}) {
  const descriptionId = description ? `${meta.id}-description` : undefined;
  return (
    <div className="flex items-start gap-2">
      <input
        {...getInputProps(meta, { type: "checkbox" })}
        aria-describedby={descriptionId}
        className="mt-1 h-4 w-4 rounded border-slate-400"
      />
      <div>
        <label htmlFor={meta.id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-sm text-slate-700">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function FulfilForm({
  lastResult,
  intent,
  needsShipping,
  defaults,
}: {
  lastResult: LastResult;
  intent: "fulfil" | "tracking";
  needsShipping: boolean;
  defaults?: { carrier: string; trackingNumber: string };
}) {
  const { t } = useTranslation("orders");
  const [form, fields] = useValidatedForm({
    id: `order-${intent}`,
    schema: createFulfilSchema(t),
    lastResult,
    defaultValue: defaults ?? null,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          meta={fields.carrier}
          label={t("actions.fulfil.carrier")}
          description={needsShipping ? undefined : t("actions.fulfil.digitalOnly")}
          autoComplete="off"
        />
        <InputField meta={fields.trackingNumber} label={t("actions.fulfil.trackingNumber")} autoComplete="off" />
      </div>
      <SubmitButton name="intent" value={intent} pendingLabel={t("actions.working")}>
        {intent === "fulfil" ? t("actions.fulfil.submit") : t("actions.fulfil.saveTracking")}
      </SubmitButton>
    </Form>
  );
}

export function RefundForm({
  lastResult,
  currency,
  refundableText,
  suggested,
}: {
  lastResult: LastResult;
  currency: string;
  /** "$42.00", shown in the description. */
  refundableText: string;
  /** The full refundable amount as an input value ("42.00"). */
  suggested: string;
}) {
  const { t } = useTranslation("orders");
  const [form, fields] = useValidatedForm({
    id: "order-refund",
    schema: createRefundSchema(t, currency),
    lastResult,
    defaultValue: { amount: suggested },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          meta={fields.amount}
          label={t("actions.refund.amount", { currency })}
          description={t("actions.refund.amountHelp", { amount: refundableText })}
          inputMode="decimal"
          autoComplete="off"
        />
        <InputField meta={fields.reason} label={t("actions.refund.reason")} autoComplete="off" />
      </div>
      <Checkbox meta={fields.restock} label={t("actions.refund.restock")} description={t("actions.refund.restockHelp")} />
      <SubmitButton name="intent" value="refund" variant="danger" pendingLabel={t("actions.working")}>
        {t("actions.refund.submit")}
      </SubmitButton>
    </Form>
  );
}

export function CancelForm({ lastResult, paid }: { lastResult: LastResult; paid: boolean }) {
  const { t } = useTranslation("orders");
  const [form, fields] = useValidatedForm({ id: "order-cancel", schema: createCancelSchema(t), lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <AuthenticityTokenInput />
      <FormError errors={form.errors} id={form.errorId} />
      {paid ? <p className="text-sm text-slate-700">{t("actions.cancel.paidNote")}</p> : null}
      <InputField meta={fields.reason} label={t("actions.cancel.reason")} autoComplete="off" />
      <Checkbox meta={fields.restock} label={t("actions.cancel.restock")} />
      <SubmitButton name="intent" value="cancel" variant="danger" pendingLabel={t("actions.working")}>
        {t("actions.cancel.submit")}
      </SubmitButton>
    </Form>
  );
}
