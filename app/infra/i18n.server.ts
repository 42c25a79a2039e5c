// Language detection: the `lng` cookie (set by the language switcher) first, then Accept-Language.
import { RemixI18Next } from "remix-i18next/server";
import { localeCookie } from "./cookies.server";
import { fallbackLanguage, i18nConfig, supportedLanguages } from "./i18n";

export const i18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
  i18next: i18nConfig,
});
