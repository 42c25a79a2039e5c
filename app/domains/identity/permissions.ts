// Permission strings are `action:entity:access` (`update:user:any`, `read:session:own`).
// Holding `…:any` implies `…:own` for the same action and entity.

export type Access = "any" | "own";
export type PermissionString = `${string}:${string}:${Access}`;

export type ParsedPermission = { action: string; entity: string; access: Access };

const PATTERN = /^([a-z][a-z-]*):([a-z][a-z-]*):(any|own)$/;

export function parsePermission(value: string): ParsedPermission | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  return { action: match[1], entity: match[2], access: match[3] as Access };
}

export function formatPermission(p: ParsedPermission): PermissionString {
  return `${p.action}:${p.entity}:${p.access}`;
}

export function hasPermission(granted: ReadonlySet<string>, required: PermissionString): boolean {
  if (granted.has(required)) return true;
  const parsed = parsePermission(required);
  return parsed?.access === "own" && granted.has(`${parsed.action}:${parsed.entity}:any`);
}

/** The permissions the system knows about; the seed creates them and grants them to the default roles. */
export const PERMISSIONS = {
  readUserAny: "read:user:any",
  updateUserAny: "update:user:any",
  createUserAny: "create:user:any",
  readRoleAny: "read:role:any",
  updateRoleAny: "update:role:any",
  createRoleAny: "create:role:any",
  deleteRoleAny: "delete:role:any",
  readAuditAny: "read:audit:any",
  readMailboxAny: "read:mailbox:any",
  createApiKeyAny: "create:api-key:any",
  createApiKeyOwn: "create:api-key:own",
  readAdminAny: "read:admin:any",
  readPostAny: "read:post:any",
  createPostOwn: "create:post:own",
  readCustomerAny: "read:customer:any",
  readEmployeePortalOwn: "read:employee-portal:own",
  readTaskAny: "read:task:any",
  updateTaskAny: "update:task:any",
  readEmailAny: "read:email:any",
  updateEmailAny: "update:email:any",
  createExportOwn: "create:export:own",
  readExportAny: "read:export:any",
  readWebhookAny: "read:webhook:any",
  updateWebhookAny: "update:webhook:any",
  updateSettingsAny: "update:settings:any",
  // Commerce: the catalogue and shop settings (products, categories, collections, inventory,
  // shipping, taxes, discounts, gift cards), orders (view; fulfil, cancel, refund), reviews.
  readShopAny: "read:shop:any",
  updateShopAny: "update:shop:any",
  readOrderAny: "read:order:any",
  updateOrderAny: "update:order:any",
  moderateReviewAny: "moderate:review:any",
} as const satisfies Record<string, PermissionString>;

export type SystemRoleName = "admin" | "user" | "commercial" | "blogger" | "employee";

/** Default grants for the built-in roles (admins can change them afterwards). */
export const DEFAULT_ROLE_GRANTS: Record<SystemRoleName, PermissionString[]> = {
  admin: Object.values(PERMISSIONS),
  user: [PERMISSIONS.createApiKeyOwn],
  commercial: [
    PERMISSIONS.readAdminAny,
    PERMISSIONS.readCustomerAny,
    PERMISSIONS.createApiKeyOwn,
    PERMISSIONS.readShopAny,
    PERMISSIONS.updateShopAny,
    PERMISSIONS.readOrderAny,
    PERMISSIONS.updateOrderAny,
    PERMISSIONS.moderateReviewAny,
    PERMISSIONS.createExportOwn,
  ],
  blogger: [PERMISSIONS.readAdminAny, PERMISSIONS.readPostAny, PERMISSIONS.createPostOwn, PERMISSIONS.createApiKeyOwn],
  employee: [PERMISSIONS.readEmployeePortalOwn, PERMISSIONS.createApiKeyOwn],
};

export const ROLE_DESCRIPTIONS: Record<SystemRoleName, string> = {
  admin: "Full access to every area and setting.",
  user: "A customer or member with access to their own account.",
  commercial: "Sales staff: customers, orders and CRM.",
  blogger: "Writes and publishes content.",
  employee: "Uses the employee portal.",
};
