// /admin/users/:userId — one person: profile, roles, status, sessions, second factor, sign-ins.
// Viewing needs read:user:any; every change (one action, chosen by `intent`) needs update:user:any.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { UserProfileForm } from "~/components/admin/user-profile-form";
import { UserRolesForm } from "~/components/admin/user-roles-form";
import { LoginAttemptsTable, MfaState, SessionsTable, UserStatusControls } from "~/components/admin/user-security";
import { UserStatusBadge } from "~/components/admin/users-table";
import { useFormatDateTime } from "~/components/admin/use-format-date";
import { isDomainError } from "~/domains/errors";
import { createUserProfileSchema } from "~/domains/identity/admin-schemas";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { grantableRoleNames, listRoles } from "~/domains/identity/roles.server";
import {
  getUserForAdmin,
  resetUserMfa,
  revokeUserSessions,
  setUserRoles,
  setUserStatus,
  updateUserProfile,
} from "~/domains/identity/user-admin.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";
import { listTimeZones } from "~/utils/dates";

export const handle = {
  i18n: ["admin"],
  breadcrumb: (loaderData: unknown) => (loaderData as { user?: { name: string } } | undefined)?.user?.name ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? ""} · Verso` }];

function notFound() {
  return new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readUserAny);
  const user = await getUserForAdmin({ userId: params.userId ?? "" });
  if (!user) throw notFound();
  const zones = listTimeZones();
  const timeZones = [...new Set(["UTC", user.timeZone, ...zones])];
  const [allRoles, grantable] = await Promise.all([listRoles(), grantableRoleNames(viewer.permissions)]);
  const roles = allRoles.map(({ name, description }) => ({ name, description, grantable: grantable.includes(name) }));
  return { user, roles, timeZones, isSelf: viewer.id === user.id, canUpdate: userCan(viewer, PERMISSIONS.updateUserAny) };
}

type ActionData = { intent: string; result?: SubmissionResult<string[]>; message?: string };

const INTENTS = ["profile", "roles", "deactivate", "reactivate", "revokeSessions", "resetMfa"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.updateUserAny);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, "admin");
  const userId = params.userId ?? "";
  const intent = String(formData.get("intent") ?? "") as Intent;
  if (!INTENTS.includes(intent)) throw new Response("Unknown intent", { status: 400 });
  const base = { actorId: actor.id, ipAddress: context.clientIp ?? null, userId };
  const fail = (payload: Omit<ActionData, "intent">, status = 400) => data<ActionData>({ intent, ...payload }, { status });
  const done = (message: string, changed = true) =>
    redirectWithToast(
      request,
      `/admin/users/${userId}`,
      changed ? { kind: "success", message } : { kind: "info", message: t("users.toast.unchanged") },
    );

  try {
    switch (intent) {
      case "profile": {
        const submission = parseWithZod(formData, { schema: createUserProfileSchema(t) });
        if (submission.status !== "success") return fail({ result: submission.reply() });
        try {
          const { changed } = await updateUserProfile({ ...base, ...submission.value });
          return done(t("users.toast.profileSaved"), changed);
        } catch (error) {
          if (!isDomainError(error, "email_taken")) throw error;
          return fail({ result: submission.reply({ fieldErrors: { email: [t("users.errors.email_taken")] } }) });
        }
      }
      case "roles": {
        const { changed } = await setUserRoles({ ...base, roleNames: formData.getAll("roles").map(String) });
        return done(t("users.toast.rolesSaved"), changed);
      }
      case "deactivate":
      case "reactivate": {
        const { changed, revokedSessions } = await setUserStatus({
          ...base,
          status: intent === "deactivate" ? "deactivated" : "active",
        });
        return done(
          intent === "deactivate" ? t("users.toast.deactivated", { count: revokedSessions }) : t("users.toast.reactivated"),
          changed,
        );
      }
      case "revokeSessions": {
        const { revokedSessions } = await revokeUserSessions({ ...base, keepSessionId: actor.sessionId });
        return done(t("users.toast.sessionsRevoked", { count: revokedSessions }), revokedSessions > 0);
      }
      case "resetMfa": {
        const { changed } = await resetUserMfa(base);
        return done(t("users.toast.mfaReset"), changed);
      }
    }
  } catch (error) {
    if (isDomainError(error, "user_not_found")) throw notFound();
    if (isDomainError(error))
      return fail(
        { message: t(`users.errors.${error.code}`) },
        error.code === "unknown_role" ? 400 : error.code === "role_not_grantable" ? 403 : 409,
      );
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function AdminUser() {
  const { user, roles, timeZones, isSelf, canUpdate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  const messageFor = (...intents: string[]) =>
    actionData && intents.includes(actionData.intent) ? actionData.message : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title={user.name} lead={user.email}>
        <UserStatusBadge status={user.status} verified={user.emailVerifiedAt !== null} />
      </PageHeader>
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-700">{t("users.columns.created")}</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("users.columns.lastLogin")}</dt>
          <dd>{user.lastLoginAt ? formatDate(user.lastLoginAt) : t("users.never")}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("users.account.verified")}</dt>
          <dd>{user.emailVerifiedAt ? formatDate(user.emailVerifiedAt) : t("users.account.notVerified")}</dd>
        </div>
      </dl>
      <Section title={t("users.profile.title")} id="profile-title">
        <UserProfileForm
          key={`${user.name}|${user.email}|${user.timeZone}|${user.locale}`}
          user={user}
          timeZones={timeZones}
          disabled={!canUpdate}
          lastResult={actionData?.intent === "profile" ? actionData.result : undefined}
        />
      </Section>
      <Section title={t("users.roles.title")} id="roles-title">
        <ActionMessage message={messageFor("roles")} />
        <UserRolesForm key={user.roles.join(",")} roles={roles} assigned={user.roles} disabled={!canUpdate} />
      </Section>
      <Section title={t("users.account.title")} id="account-title">
        <ActionMessage message={messageFor("deactivate", "reactivate")} />
        <UserStatusControls status={user.status} isSelf={isSelf} canUpdate={canUpdate} />
      </Section>
      <Section title={t("users.mfa.title")} id="mfa-title">
        <ActionMessage message={messageFor("resetMfa")} />
        <MfaState mfa={user.mfa} canUpdate={canUpdate} />
      </Section>
      <Section title={t("users.sessions.title")} id="sessions-title">
        <ActionMessage message={messageFor("revokeSessions")} />
        <SessionsTable sessions={user.sessions} canUpdate={canUpdate} />
      </Section>
      <Section title={t("users.attempts.title")} id="attempts-title">
        <LoginAttemptsTable attempts={user.loginAttempts} />
      </Section>
    </div>
  );
}
