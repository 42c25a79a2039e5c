// The permissions of a role as checkboxes, one group (fieldset) per entity. `locked` permissions
// (ones the viewer does not hold, so may not add) are shown disabled.
import { useTranslation } from "react-i18next";
import type { PermissionGroup } from "~/domains/identity/role-permissions";

export function PermissionMatrix({
  groups,
  granted,
  disabled,
  locked = [],
}: {
  groups: PermissionGroup[];
  granted: string[];
  disabled?: boolean;
  locked?: string[];
}) {
  const { t } = useTranslation("admin");
  const held = new Set(granted);
  const lockedSet = new Set(locked);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {groups.map((group) => (
        <fieldset key={group.entity} disabled={disabled} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-semibold">{group.entity}</legend>
          <ul className="space-y-1">
            {group.permissions.map((permission) => {
              const id = `perm-${permission.key.replace(/[^a-z0-9-]/g, "-")}`;
              return (
                <li key={permission.key} className="flex items-center gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    name="permissions"
                    value={permission.key}
                    defaultChecked={held.has(permission.key)}
                    disabled={lockedSet.has(permission.key)}
                    className="h-4 w-4"
                  />
                  <label htmlFor={id} className="text-sm">
                    {t("roles.permission", { action: permission.action, access: t(`roles.access.${permission.access}`) })}
                    <span className="sr-only"> ({permission.key})</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
