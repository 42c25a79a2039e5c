// A one-button form that posts an `intent` to the current route's action (with its CSRF token):
// "Deactivate", "Rotate secret"… Works without JavaScript.
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "./button";

export function IntentButton({
  intent,
  label,
  variant = "secondary",
}: {
  intent: string;
  label: string;
  variant?: "secondary" | "danger" | "primary";
}) {
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <SubmitButton name="intent" value={intent} variant={variant}>
        {label}
      </SubmitButton>
    </Form>
  );
}
