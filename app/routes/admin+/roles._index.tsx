// /admin/roles: every role with how many people and permissions it has; create a new one.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader, Section } from "~/components/admin/page-header";
import { RoleCreateForm } from "~/components/admin/role-create-form";
import { RowHeader, Table, Td } from "~/components/ui/table";
import { isDomainError } from "~/domains/errors";
import { createRoleSchema } from "~/domains/identity/admin-schemas";
import { requirePermission, userCan } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { createRole, listRoles } from "~/domains/identity/roles.server";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Verso` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, PERMISSIONS.readRoleAny);
  const [t, roles] = await Promise.all([i18n.getFixedT(request, "admin"), listRoles()]);
  return { title: t("roles.title"), roles, canCreate: userCan(viewer, PERMISSIONS.createRoleAny) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, PERMISSIONS.createRoleAny);
  const formData = await parseFormWithCsrf(request);
  const t = await i18n.getFixedT(request, "admin");
  const submission = parseWithZod(formData, { schema: createRoleSchema(t) });
  if (submission.status !== "success")
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  try {
    const role = await createRole({
      actorId: actor.id,
      ipAddress: context.clientIp ?? null,
      name: submission.value.name,
      description: submission.value.description ?? "",
    });
    return redirectWithToast(request, `/admin/roles/${role.name}`, {
      kind: "success",
      message: t("roles.toast.created", { name: role.name }),
    });
  } catch (error) {
    if (!isDomainError(error, "role_taken")) throw error;
    return data({ result: submission.reply({ fieldErrors: { name: [t("roles.errors.role_taken")] } }) }, { status: 409 });
  }
}

export default function AdminRoles() {
  const { roles, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-6">
      <PageHeader title={t("roles.title")} lead={t("roles.lead")} />
      <Table
        caption={t("roles.caption")}
        columns={[
          { key: "name", label: t("roles.columns.name") },
          { key: "description", label: t("roles.columns.description") },
          { key: "users", label: t("roles.columns.users"), align: "right" },
          { key: "permissions", label: t("roles.columns.permissions"), align: "right" },
        ]}
      >
        {roles.map((role) => (
          <tr key={role.name}>
            <RowHeader>
              <Link to={`/admin/roles/${role.name}`} className="text-brand-700 underline">
                {role.name}
              </Link>
              {role.isSystem ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs">{t("roles.builtIn")}</span> : null}
            </RowHeader>
            <Td>{role.description || "—"}</Td>
            <Td className="text-right tabular-nums">
              <Link
                to={`/admin/users?role=${role.name}`}
                className="underline"
                aria-label={t("roles.usersWithRole", { count: role.userCount, name: role.name })}
              >
                {role.userCount}
              </Link>
            </Td>
            <Td className="text-right tabular-nums">{role.permissionCount}</Td>
          </tr>
        ))}
      </Table>
      {canCreate ? (
        <Section title={t("roles.create.title")} id="create-role-title">
          <RoleCreateForm lastResult={actionData?.result} />
        </Section>
      ) : null}
    </div>
  );
}
