// Logging out is a POST (with the CSRF token), so a link prefetch or a crawler can never do it.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";

export function LogoutButton() {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/auth/logout">
      <AuthenticityTokenInput />
      <button type="submit" className="hover:underline">
        {t("nav.logout")}
      </button>
    </Form>
  );
}
