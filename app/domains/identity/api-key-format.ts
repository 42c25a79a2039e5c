// API keys without a database: the scope catalogue, which permissions each scope needs, and the
// shape of a key. A key reads `vk_live_<8 id chars>_<43 secret chars>`; the first part is the
// visible, stored prefix, the secret is only ever stored as a SHA-256 hash.
import { hasPermission, PERMISSIONS, type PermissionString } from "./permissions";

/** Every scope a key can carry; the API checks one of these on each endpoint. */
export const API_SCOPES = [
  "me:read",
  "users:read",
  "users:write",
  "products:read",
  "products:write",
  "orders:read",
  "orders:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * The permissions the key's owner must hold, all of them, to grant (and keep using) a scope; an
 * empty list means any user allowed to create API keys may grant it.
 */
export const SCOPE_REQUIREMENTS: Record<ApiScope, readonly PermissionString[]> = {
  "me:read": [],
  "users:read": [PERMISSIONS.readUserAny],
  "users:write": [PERMISSIONS.readUserAny, PERMISSIONS.createUserAny, PERMISSIONS.updateUserAny],
  "products:read": [PERMISSIONS.readShopAny],
  "products:write": [PERMISSIONS.readShopAny, PERMISSIONS.updateShopAny],
  "orders:read": [PERMISSIONS.readOrderAny],
  "orders:write": [PERMISSIONS.readOrderAny, PERMISSIONS.updateOrderAny],
};

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && (API_SCOPES as readonly string[]).includes(value);
}

/** Whether someone holding `permissions` may grant or use `scope`. */
export function mayUseScope(permissions: ReadonlySet<string>, scope: ApiScope): boolean {
  return SCOPE_REQUIREMENTS[scope].every((required) => hasPermission(permissions, required));
}

/** The scopes someone holding `permissions` may put on a key, in catalogue order. */
export function grantableScopes(permissions: ReadonlySet<string>): ApiScope[] {
  return API_SCOPES.filter((scope) => mayUseScope(permissions, scope));
}

export const KEY_PREFIX_LABEL = "vk_live_";
export const KEY_ID_LENGTH = 8;
export const KEY_SECRET_LENGTH = 43; // 43 base62 characters carry a little over 256 bits
export const MAX_KEY_NAME_LENGTH = 80;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = new RegExp(`^(${KEY_PREFIX_LABEL}[0-9A-Za-z]{${KEY_ID_LENGTH}})_([0-9A-Za-z]{${KEY_SECRET_LENGTH}})$`);

/**
 * Turn random bytes into base62 characters without modulo bias: bytes of 248 or more are skipped
 * (248 = 4 × 62). Returns fewer than `length` characters when the bytes run out; callers pass
 * enough bytes and retry otherwise.
 */
export function base62FromBytes(bytes: Uint8Array, length: number): string {
  let out = "";
  for (const byte of bytes) {
    if (out.length === length) break;
    if (byte < 248) out += BASE62[byte % 62];
  }
  return out;
}

export function formatPrefix(id: string): string {
  return `${KEY_PREFIX_LABEL}${id}`;
}

export function formatApiKey(prefix: string, secret: string): string {
  return `${prefix}_${secret}`;
}

/** Split a presented key into its stored prefix and its secret; anything malformed is `null`. */
export function parseApiKey(value: string | null | undefined): { prefix: string; secret: string } | null {
  if (!value) return null;
  const match = KEY_PATTERN.exec(value.trim());
  return match ? { prefix: match[1], secret: match[2] } : null;
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or `null`. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
