import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { ErrorPage } from "~/components/layout/error-page";
import { useNonce } from "~/components/layout/nonce";
import { Toasts } from "~/components/layout/toasts";
import { isCacheableStorefrontRequest } from "~/domains/commerce/storefront/page-cache.server";
import { getOptionalUser } from "~/domains/identity/guards.server";
import { readTimeZoneCookie } from "~/infra/cookies.server";
import { csrf } from "~/infra/csrf.server";
import { readToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import stylesheet from "~/tailwind.css?url";
import { isValidTimeZone } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [{ title: "Verso" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, { toast, setCookie }, [csrfToken, csrfCookie]] = await Promise.all([
    getOptionalUser(request),
    i18n.getLocale(request),
    readToast(request),
    // Anonymous storefront pages are shared by every visitor (public cache): no per-visitor token
    // or cookie. Their add-to-cart form is checked by Origin instead (parseStorefrontForm).
    isCacheableStorefrontRequest(request) ? ([null, null] as const) : csrf.commitToken(request),
  ]);
  const tzCookie = readTimeZoneCookie(request.headers.get("Cookie"));
  const headers = new Headers({ Vary: "Cookie, Accept-Language" });
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (csrfCookie) headers.append("Set-Cookie", csrfCookie);
  const timeZone = user?.timeZone ?? (isValidTimeZone(tzCookie) ? tzCookie : "UTC");
  return data(
    {
      locale,
      csrfToken,
      toast,
      timeZone,
      user: user && {
        id: user.id,
        name: user.name,
        email: user.email,
        roles: user.roles,
        canAdmin: user.permissions.has("read:admin:any"),
      },
    },
    { headers },
  );
}

export type RootLoaderData = typeof loader;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRootData();
  const nonce = useNonce();
  const { i18n: instance } = useTranslation();
  const lang = rootData?.locale ?? instance.language ?? "en";
  return (
    <html lang={lang} dir={instance.dir?.(lang) ?? "ltr"} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale, csrfToken, toast } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return (
    // remix-utils refuses an empty provider; forms on token-less (shared) pages carry this inert
    // placeholder, which no CSRF check accepts.
    <AuthenticityTokenProvider token={csrfToken ?? "none"}>
      <Outlet />
      <Toasts toast={toast} />
    </AuthenticityTokenProvider>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main">
      <ErrorPage />
    </main>
  );
}
