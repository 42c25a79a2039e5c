import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { supportedLanguages } from "~/infra/i18n";
import { useRootData } from "~/root";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  // Pages cached for anonymous visitors carry no token: the switch is then accepted on proof of
  // same origin (parseStorefrontForm), like the shop's add-to-cart form.
  const hasToken = Boolean(useRootData()?.csrfToken);
  return (
    <Form method="post" action="/resources/locale" className="flex items-center gap-2">
      {hasToken ? <AuthenticityTokenInput /> : null}
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select">{t("language.label")}</label>
      <select
        id="language-select"
        name="locale"
        defaultValue={i18n.language}
        className="rounded border border-slate-300 bg-white px-2 py-1"
      >
        {supportedLanguages.map((lng) => (
          <option key={lng} value={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        {t("language.change")}
      </button>
    </Form>
  );
}
