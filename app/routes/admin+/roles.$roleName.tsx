// /admin/roles/:roleName — a role's description and permissions (update:role:any), and deleting a
// role nobody holds (delete:role:any). Viewing needs read:role:any.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ActionMessage, PageHeader, Section } from "~/components/admin/page-header";
import { PermissionMatrix } from "~/components/admin/permission-matrix";
import { SubmitButton } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { isDomainError } from "~/domains/errors";
import { requirePermission, requireUser, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS, type PermissionString } from "~/domains/identity/permissions";
import { deleteRole, getRoleForAdmin, updateRole } from "~/domains/identity/roles.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = {
  i18n: ["admin"],
  breadcrumb: (loaderData: unknown) => (loaderData as { role?: { name: string } } | undefined)?.role?.name ?? "…",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.role.name ?? ""} · Verso` }];

const DESCRIPTION_MAX = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readRoleAny);
  const role = await getRoleForAdmin({ name: params.roleName ?? "" });
  if (!role) throw new Response("Not found", { status: 404 });
  // permissions the viewer lacks cannot be added to the role (the domain refuses it): the matrix locks them
  const granted = new Set<string>(role.granted);
  const locked = role.groups
    .flatMap((group) => group.permissions.map((permission) => permission.key as PermissionString))
    .filter((key) => !granted.has(key) && !userCan(viewer, key));
  return {
    role,
    locked,
    canUpdate: userCan(viewer, PERMISSIONS.updateRoleAny),
    canDelete: userCan(viewer, PERMISSIONS.deleteRoleAny),
  };
}

type ActionData = { intent: string; message: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request);
  const formData = await parseFormWithCsrf(request);
  const intent = String(formData.get("intent") ?? "");
  const actor = await requirePermission(request, intent === "delete" ? PERMISSIONS.deleteRoleAny : PERMISSIONS.updateRoleAny);
  if (intent !== "save" && intent !== "delete") throw new Response("Unknown intent", { status: 400 });
  const t = await i18n.getFixedT(request, "admin");
  const name = params.roleName ?? "";
  const base = { actorId: actor.id, ipAddress: context.clientIp ?? null, name };
  try {
    if (intent === "delete") {
      await deleteRole(base);
      return redirectWithToast(request, "/admin/roles", { kind: "success", message: t("roles.toast.deleted", { name }) });
    }
    const description = String(formData.get("description") ?? "").trim();
    if (description.length > DESCRIPTION_MAX)
      return data<ActionData>({ intent, message: t("roles.errors.descriptionTooLong") }, { status: 400 });
    const { changed } = await updateRole({ ...base, description, permissionKeys: formData.getAll("permissions").map(String) });
    return redirectWithToast(
      request,
      `/admin/roles/${name}`,
      changed
        ? { kind: "success", message: t("roles.toast.saved", { name }) }
        : { kind: "info", message: t("roles.toast.unchanged") },
    );
  } catch (error) {
    if (isDomainError(error, "role_not_found")) throw new Response("Not found", { status: 404 });
    if (isDomainError(error))
      return data<ActionData>(
        { intent, message: t(`roles.errors.${error.code}`) },
        { status: error.code === "permission_not_held" ? 403 : 409 },
      );
    throw error;
  }
}

export default function AdminRole() {
  const { role, locked, canUpdate, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-6">
      <PageHeader title={role.name} lead={t("roles.detailLead", { count: role.userCount })} />
      <Section title={t("roles.edit.title")} id="role-edit-title">
        {role.name === "admin" ? <p className="text-sm text-slate-700">{t("roles.edit.adminNote")}</p> : null}
        <ActionMessage message={actionData?.intent === "save" ? actionData.message : undefined} />
        <Form method="post" className="space-y-4" key={`${role.description}|${role.granted.join(",")}`}>
          <AuthenticityTokenInput />
          <fieldset disabled={!canUpdate} className="space-y-4">
            <legend className="sr-only">{t("roles.edit.title")}</legend>
            <div className="space-y-1">
              <label htmlFor="role-description" className="block text-sm font-medium">
                {t("roles.create.description")}
              </label>
              <textarea
                id="role-description"
                name="description"
                rows={2}
                maxLength={DESCRIPTION_MAX}
                defaultValue={role.description}
                className={inputClass}
              />
            </div>
            <h3 className="font-medium">{t("roles.edit.permissions")}</h3>
            {canUpdate && locked.length > 0 ? <p className="text-sm text-slate-700">{t("roles.edit.lockedNote")}</p> : null}
            <PermissionMatrix groups={role.groups} granted={role.granted} locked={locked} />
          </fieldset>
          {canUpdate ? (
            <SubmitButton name="intent" value="save" pendingLabel={t("common:actions.saving")}>
              {t("roles.edit.save")}
            </SubmitButton>
          ) : null}
        </Form>
      </Section>
      {canDelete && !role.isSystem ? (
        <Section title={t("roles.delete.title")} id="role-delete-title">
          <ActionMessage message={actionData?.intent === "delete" ? actionData.message : undefined} />
          {role.userCount > 0 ? (
            <p className="text-sm text-slate-700">{t("roles.delete.inUse", { count: role.userCount })}</p>
          ) : (
            <Form method="post">
              <AuthenticityTokenInput />
              <p className="mb-3 text-sm text-slate-700">{t("roles.delete.help")}</p>
              <SubmitButton name="intent" value="delete" variant="danger">
                {t("roles.delete.submit", { name: role.name })}
              </SubmitButton>
            </Form>
          )}
        </Section>
      ) : null}
    </div>
  );
}
