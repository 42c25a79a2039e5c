// Which roles a person holds: one checkbox per role, saved together. A role the viewer may not
// assign (it carries a permission they lack) is shown but locked; a held one is kept by a hidden field.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { SubmitButton } from "~/components/ui/button";

type Props = {
  roles: Array<{ name: string; description: string; grantable?: boolean }>;
  assigned: string[];
  disabled?: boolean;
};

export function UserRolesForm({ roles, assigned, disabled }: Props) {
  const { t } = useTranslation("admin");
  const held = new Set(assigned);
  return (
    <Form method="post" className="space-y-4">
      <AuthenticityTokenInput />
      <fieldset disabled={disabled} className="space-y-2">
        <legend className="text-sm font-medium">{t("users.roles.legend")}</legend>
        {!disabled && roles.some((role) => role.grantable === false) ? (
          <p className="text-sm text-slate-700">{t("users.roles.lockedNote")}</p>
        ) : null}
        {roles.map((role) => (
          <div key={role.name} className="flex items-start gap-2">
            {role.grantable === false && held.has(role.name) ? <input type="hidden" name="roles" value={role.name} /> : null}
            <input
              id={`role-${role.name}`}
              type="checkbox"
              name="roles"
              value={role.name}
              defaultChecked={held.has(role.name)}
              disabled={role.grantable === false}
              aria-describedby={role.description ? `role-${role.name}-description` : undefined}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={`role-${role.name}`} className="font-medium">
                {role.name}
              </label>
              {role.description ? (
                <p id={`role-${role.name}-description`} className="text-sm text-slate-700">
                  {role.description}
                </p>
              ) : null}
            </div>
          </div>
        ))}
      </fieldset>
      {disabled ? null : (
        <SubmitButton name="intent" value="roles" pendingLabel={t("common:actions.saving")}>
          {t("users.roles.save")}
        </SubmitButton>
      )}
    </Form>
  );
}
