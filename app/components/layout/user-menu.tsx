import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { LogoutButton } from "./logout-button";

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
      <LogoutButton />
    </div>
  );
}
