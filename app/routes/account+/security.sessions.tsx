// /account/security/sessions — where you are signed in; sign out one other session or all of them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";
import { RowHeader, Table, Td } from "~/components/ui/table";
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
      <Table
        caption={t("account.sessions.caption")}
        captionHidden
        columns={[
          { key: "device", label: t("account.sessions.device") },
          { key: "ip", label: t("account.sessions.ipAddress") },
          { key: "signedIn", label: t("account.sessions.signedIn") },
          { key: "lastActive", label: t("account.sessions.lastActive") },
          { key: "actions", label: <span className="sr-only">{t("account.sessions.actions")}</span> },
        ]}
      >
        {sessions.map((session) => (
          <tr key={session.handle} data-testid="session-row">
            <RowHeader>
              <span className="font-medium" title={session.userAgent ?? undefined}>
                {deviceName(session)}
              </span>
              {session.current ? (
                <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
                  {t("account.sessions.thisDevice")}
                </span>
              ) : null}
            </RowHeader>
            <Td>{session.ipAddress ?? t("account.sessions.unknown")}</Td>
            <Td>
              <time dateTime={session.createdAtIso}>{session.createdAt}</time>
            </Td>
            <Td>
              <time dateTime={session.lastSeenAtIso}>{session.lastSeenAt}</time>
            </Td>
            <Td className="text-right">
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
            </Td>
          </tr>
        ))}
      </Table>
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
