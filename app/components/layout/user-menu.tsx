import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { useRootData } from "~/root";

export function UserMenu() {
  const { t } = useTranslation();
  const user = useRootData()?.user;
  if (!user) return null;
  return (
    <div className="flex items-center gap-4 text-sm">
      <Link to="/" className="hover:underline">
        {t("nav.home")}
      </Link>
      <Link to="/account" className="hover:underline">
        {user.name}
      </Link>
      <Form method="post" action="/auth/logout">
        <AuthenticityTokenInput />
        <button type="submit" className="hover:underline">
          {t("nav.logout")}
        </button>
      </Form>
    </div>
  );
}
