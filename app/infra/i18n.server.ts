// Language detection: the `lng` cookie (set by the language switcher) first, then Accept-Language.
// Translations are bundled and never change at run time, so one initialised i18next instance per
// language serves every request (remix-i18next would otherwise build a new one on every call).
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { localeCookie } from "./cookies.server";
import { fallbackLanguage, i18nConfig, isLanguage, supportedLanguages } from "./i18n";

export const i18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
  i18next: i18nConfig,
});

const instances = new Map<string, Promise<I18n>>();

/** The shared, initialised instance for a language (unknown languages get the fallback's). */
export function getI18nInstance(language: string): Promise<I18n> {
  const lng = isLanguage(language) ? language : fallbackLanguage;
  let pending = instances.get(lng);
  if (!pending) {
    const instance = createInstance();
    pending = instance
      .use(initReactI18next)
      .init({ ...i18nConfig, lng, initImmediate: false })
      .then(() => instance);
    instances.set(lng, pending);
  }
  return pending;
}

const uncachedGetFixedT = i18n.getFixedT.bind(i18n);

i18n.getFixedT = (async (requestOrLocale: Request | string, namespaces?: string | readonly string[], options?: object) => {
  if (options) return uncachedGetFixedT(requestOrLocale as string, namespaces as never, options as never);
  const locale = typeof requestOrLocale === "string" ? requestOrLocale : await i18n.getLocale(requestOrLocale);
  const instance = await getI18nInstance(locale);
  const ns = typeof namespaces === "string" ? namespaces : namespaces?.[0];
  return instance.getFixedT(instance.language, ns ?? null);
}) as typeof i18n.getFixedT;
