// Presenting and checking role permissions: group the permission table by entity for the
// checkbox matrix, and tell which permissions a change would take away. Pure.
import { formatPermission, type ParsedPermission } from "./permissions";

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
