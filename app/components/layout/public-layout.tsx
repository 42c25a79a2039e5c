// The public site's frame: skip link, header with navigation and account links, footer with the
// language switcher (a plain form: works without JavaScript).
import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { LogoutButton } from "./logout-button";
import { LanguageSwitcher } from "./language-switcher";
import { SkipLink } from "./skip-link";

export function PublicLayout({
  children,
  cart,
}: {
  children: React.ReactNode;
  /** The header's cart count and the word read after it ("Cart 2 items"), when the cart has something. */
  cart?: { count: number; itemsLabel: string };
}) {
  const { t } = useTranslation();
  const root = useRootData();
  const user = root?.user;
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link to="/" className="text-lg font-bold text-brand-800">
            Verso
          </Link>
          <nav aria-label={t("nav.main")} className="flex items-center gap-4 text-sm">
            <NavLink to="/" end className="hover:underline">
              {t("nav.home")}
            </NavLink>
            <NavLink to="/shop" className="hover:underline">
              {t("nav.shop")}
            </NavLink>
            <NavLink to="/cart" className="hover:underline" data-testid="nav-cart">
              {t("nav.cart")}
              {cart ? (
                <>
                  {" "}
                  <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">{cart.count}</span>
                  <span className="sr-only"> {cart.itemsLabel}</span>
                </>
              ) : null}
            </NavLink>
            {user ? (
              <>
                {user.canAdmin ? (
                  <NavLink to="/admin" className="hover:underline">
                    {t("nav.admin")}
                  </NavLink>
                ) : null}
                <NavLink to="/account" className="hover:underline">
                  {t("nav.account")}
                </NavLink>
                <LogoutButton />
              </>
            ) : (
              <>
                <NavLink to="/auth/login" className="hover:underline">
                  {t("nav.login")}
                </NavLink>
                <Link
                  to="/auth/register"
                  className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
                >
                  {t("nav.register")}
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-slate-700">
          <p>{t("footer.tagline")}</p>
          <LanguageSwitcher />
        </div>
      </footer>
    </div>
  );
}
