// Presenting and checking role permissions: group the permission table by entity for the
// checkbox matrix, tell which permissions a change would take away, and which permissions an actor
// would hand out without holding them. Pure.
import { formatPermission, hasPermission, type ParsedPermission, type PermissionString } from "./permissions";

export type PermissionRow = ParsedPermission & { description?: string };
export type PermissionGroup = {
  entity: string;
  permissions: Array<{ key: string; action: string; access: string; description: string }>;
};

export function groupPermissionsByEntity(
  rows: ReadonlyArray<{ action: string; entity: string; access: string; description?: string }>,
): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const row of rows) {
    const group = groups.get(row.entity) ?? { entity: row.entity, permissions: [] };
    group.permissions.push({
      key: formatPermission(row as ParsedPermission),
      action: row.action,
      access: row.access,
      description: row.description ?? "",
    });
    groups.set(row.entity, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.entity.localeCompare(b.entity))
    .map((group) => ({ ...group, permissions: group.permissions.sort((a, b) => a.key.localeCompare(b.key)) }));
}

/** Permissions in `current` that `next` leaves out. */
export function removedPermissions(current: readonly string[], next: readonly string[]): string[] {
  const keep = new Set(next);
  return current.filter((key) => !keep.has(key)).sort();
}

/**
 * The permissions in `required` that `held` does not cover (holding `…:any` covers `…:own`).
 * Nobody may hand out, through a role, a permission they do not hold themselves.
 */
export function permissionsNotHeld(held: ReadonlySet<string>, required: readonly string[]): string[] {
  return [...new Set(required)].filter((key) => !hasPermission(held, key as PermissionString)).sort();
}
