// /account/security/sessions — where you are signed in; sign out one other session or all of them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { isDomainError } from "~/domains/errors";
import { listAccountSessions, revokeAccountSession, revokeAllOtherSessions } from "~/domains/identity/account-sessions.server";
import { requireUser } from "~/domains/identity/guards.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { formatDateTime } from "~/utils/dates";
import { identityT } from "./account-forms.server";

export const handle = { i18n: ["identity"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

const PATH = "/account/security/sessions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [sessions, locale, t] = await Promise.all([
    listAccountSessions({ userId: user.id, currentSessionId: user.sessionId }),
    i18n.getLocale(request),
    identityT(request),
  ]);
  const format = (date: Date) => formatDateTime(date, { locale, timeZone: user.timeZone });
  return {
    title: `${t("account.sessions.title")} · Verso`,
    timeZone: user.timeZone,
    sessions: sessions.map((session) => ({
      handle: session.handle,
      current: session.current,
      ipAddress: session.ipAddress,
      browser: session.device.browser,
      system: session.device.system,
      userAgent: session.userAgent,
      createdAtIso: session.createdAt.toISOString(),
      createdAt: format(session.createdAt),
      lastSeenAtIso: session.lastSeenAt.toISOString(),
      lastSeenAt: format(session.lastSeenAt),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await parseFormWithCsrf(request);
  const t = await identityT(request);
  const intent = formData.get("intent");
  if (intent === "revoke") {
    const handle = String(formData.get("session") ?? "");
    try {
      await revokeAccountSession({ userId: user.id, currentSessionId: user.sessionId, handle, ipAddress: context.clientIp });
    } catch (error) {
      if (isDomainError(error, "session_not_found") || isDomainError(error, "current_session")) {
        return redirectWithToast(request, PATH, { kind: "error", message: t(`account.sessions.errors.${error.code}`) });
      }
      throw error;
    }
    return redirectWithToast(request, PATH, { kind: "success", message: t("account.sessions.revoked") });
  }
  if (intent === "revoke-others") {
    const count = await revokeAllOtherSessions({
      userId: user.id,
      currentSessionId: user.sessionId,
      ipAddress: context.clientIp,
    });
    return redirectWithToast(request, PATH, { kind: "success", message: t("account.sessions.revokedOthers", { count }) });
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function SessionsPage() {
  const { sessions, timeZone } = useLoaderData<typeof loader>();
  const { t } = useTranslation("identity");
  const others = sessions.filter((session) => !session.current).length;
  const deviceName = (session: (typeof sessions)[number]) =>
    session.browser && session.system
      ? t("account.sessions.deviceOn", { browser: session.browser, system: session.system })
      : (session.browser ?? session.system ?? t("account.sessions.unknownDevice"));
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{t("account.sessions.title")}</h1>
      <p className="text-slate-700">{t("account.sessions.lead", { timeZone })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("account.sessions.caption")}</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("account.sessions.device")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("account.sessions.ipAddress")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("account.sessions.signedIn")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("account.sessions.lastActive")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                <span className="sr-only">{t("account.sessions.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {sessions.map((session) => (
              <tr key={session.handle} data-testid="session-row">
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="font-medium" title={session.userAgent ?? undefined}>
                    {deviceName(session)}
                  </span>
                  {session.current ? (
                    <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
                      {t("account.sessions.thisDevice")}
                    </span>
                  ) : null}
                </th>
                <td className="px-4 py-3">{session.ipAddress ?? t("account.sessions.unknown")}</td>
                <td className="px-4 py-3">
                  <time dateTime={session.createdAtIso}>{session.createdAt}</time>
                </td>
                <td className="px-4 py-3">
                  <time dateTime={session.lastSeenAtIso}>{session.lastSeenAt}</time>
                </td>
                <td className="px-4 py-3 text-right">
                  {session.current ? null : (
                    <Form method="post">
                      <AuthenticityTokenInput />
                      <input type="hidden" name="session" value={session.handle} />
                      <SubmitButton
                        variant="secondary"
                        name="intent"
                        value="revoke"
                        aria-label={t("account.sessions.revokeLabel", {
                          device: deviceName(session),
                          ip: session.ipAddress ?? "",
                        })}
                      >
                        {t("account.sessions.revoke")}
                      </SubmitButton>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <Form method="post">
          <AuthenticityTokenInput />
          <SubmitButton variant="danger" name="intent" value="revoke-others">
            {t("account.sessions.revokeOthers")}
          </SubmitButton>
        </Form>
      ) : (
        <p className="text-sm text-slate-700">{t("account.sessions.noOthers")}</p>
      )}
    </>
  );
}
