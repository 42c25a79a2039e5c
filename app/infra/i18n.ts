// i18next settings shared by the server and the browser. Translations are bundled (small, and it
// keeps first paint and hydration in the same language without a second request).
import enCommon from "~/locales/en/common.json";
import enIdentity from "~/locales/en/identity.json";
import enAdmin from "~/locales/en/admin.json";
import esCommon from "~/locales/es/common.json";
import esIdentity from "~/locales/es/identity.json";
import esAdmin from "~/locales/es/admin.json";
import enApi from "~/locales/en/api.json";
import esApi from "~/locales/es/api.json";
import enEmail from "~/locales/en/email.json";
import esEmail from "~/locales/es/email.json";
import enTasks from "~/locales/en/tasks.json";
import esTasks from "~/locales/es/tasks.json";
import enWebhooks from "~/locales/en/webhooks.json";
import esWebhooks from "~/locales/es/webhooks.json";
import enExports from "~/locales/en/exports.json";
import esExports from "~/locales/es/exports.json";
import enCommerce from "~/locales/en/commerce.json";
import esCommerce from "~/locales/es/commerce.json";
import enShop from "~/locales/en/shop.json";
import esShop from "~/locales/es/shop.json";
import enCart from "~/locales/en/cart.json";
import esCart from "~/locales/es/cart.json";
import enCheckout from "~/locales/en/checkout.json";
import esCheckout from "~/locales/es/checkout.json";
import enCatalogue from "~/locales/en/catalogue.json";
import esCatalogue from "~/locales/es/catalogue.json";
import enPricing from "~/locales/en/pricing.json";
import esPricing from "~/locales/es/pricing.json";
import enOrders from "~/locales/en/orders.json";
import esOrders from "~/locales/es/orders.json";

export const supportedLanguages = ["en", "es"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "en";
export const namespaces = [
  "common",
  "identity",
  "admin",
  "api",
  "email",
  "tasks",
  "webhooks",
  "exports",
  "commerce",
  "shop",
  "cart",
  "checkout",
  "catalogue",
  "pricing",
  "orders",
] as const;

export const resources = {
  en: {
    common: enCommon,
    identity: enIdentity,
    admin: enAdmin,
    api: enApi,
    email: enEmail,
    tasks: enTasks,
    webhooks: enWebhooks,
    exports: enExports,
    commerce: enCommerce,
    shop: enShop,
    cart: enCart,
    checkout: enCheckout,
    catalogue: enCatalogue,
    pricing: enPricing,
    orders: enOrders,
  },
  es: {
    common: esCommon,
    identity: esIdentity,
    admin: esAdmin,
    api: esApi,
    email: esEmail,
    tasks: esTasks,
    webhooks: esWebhooks,
    exports: esExports,
    commerce: esCommerce,
    shop: esShop,
    cart: esCart,
    checkout: esCheckout,
    catalogue: esCatalogue,
    pricing: esPricing,
    orders: esOrders,
  },
};

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: "common",
  ns: [...namespaces],
  interpolation: { escapeValue: false },
  resources,
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}
