// API keys: created by their owner (or an admin) with scopes the owner's permissions allow, shown
// in full once, stored as a prefix plus a SHA-256 hash of the secret, revocable, and resolved back
// to their owner on every API request.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import {
  API_SCOPES,
  formatApiKey,
  formatPrefix,
  base62FromBytes,
  isApiScope,
  KEY_ID_LENGTH,
  KEY_SECRET_LENGTH,
  mayUseScope,
  parseApiKey,
  type ApiScope,
} from "./api-key-format";

export const MAX_ACTIVE_KEYS_PER_USER = 20;
const LAST_USED_RESOLUTION_MS = 60_000;
const DUMMY_HASH = Buffer.alloc(32);

const keySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export type ApiKeySummary = Prisma.ApiKeyGetPayload<{ select: typeof keySelect }>;

export type ApiPrincipal = {
  keyId: string;
  prefix: string;
  name: string;
  scopes: ApiScope[];
  permissions: ReadonlySet<string>;
  roles: string[];
  user: {
    id: string;
    email: string;
    name: string;
    status: "active" | "deactivated";
    emailVerifiedAt: Date | null;
    createdAt: Date;
  };
};

function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

function randomBase62(length: number): string {
  for (;;) {
    const value = base62FromBytes(randomBytes(length * 2), length);
    if (value.length === length) return value;
  }
}

const rolesSelect = {
  roles: {
    select: {
      role: {
        select: { name: true, permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } } },
      },
    },
  },
} as const;

type RolesPayload = Prisma.UserGetPayload<{ select: typeof rolesSelect }>;

function permissionsOf(user: RolesPayload): Set<string> {
  const permissions = new Set<string>();
  for (const { role } of user.roles) {
    for (const { permission: p } of role.permissions) permissions.add(`${p.action}:${p.entity}:${p.access}`);
  }
  return permissions;
}

/** The key owner's own keys, newest first (revoked ones too, so the owner sees the history). */
export async function listApiKeys({ userId }: { userId: string }): Promise<ApiKeySummary[]> {
  return prisma.apiKey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: keySelect });
}

/** Every key with its owner, for administrators; newest first, one page at a time. */
export async function listAllApiKeys({ page, pageSize }: { page: number; pageSize: number }) {
  const [items, total] = await Promise.all([
    prisma.apiKey.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { ...keySelect, user: { select: { id: true, email: true, name: true } } },
    }),
    prisma.apiKey.count(),
  ]);
  return { items, total, page, pageSize };
}

type CreateApiKeyInput = {
  actorId: string;
  /** The creator's permissions: nobody hands out a scope they could not use themselves. */
  actorPermissions: ReadonlySet<string>;
  owner: { id: string } | { email: string };
  name: string;
  scopes: string[];
  ipAddress?: string | null;
};

/**
 * Create a key for `owner`. Each scope must be allowed both to the creator and to the owner (a key
 * never gives its owner more than their own permissions). Returns the full key: it is never
 * stored and cannot be shown again.
 */
export async function createApiKey({ actorId, actorPermissions, owner, name, scopes, ipAddress }: CreateApiKeyInput) {
  const trimmed = name.trim();
  if (!trimmed) throw new DomainError("api-key.name-required", "Give the key a name.");
  const unique = [...new Set(scopes)];
  if (unique.length === 0) throw new DomainError("api-key.scopes-required", "Choose at least one scope.");
  const unknown = unique.find((scope) => !isApiScope(scope));
  if (unknown) throw new DomainError("api-key.scope-unknown", `Unknown scope ${unknown}.`, { scope: unknown });
  const ownerRow = await prisma.user.findUnique({
    where: "id" in owner ? { id: owner.id } : { email: owner.email.trim().toLowerCase() },
    select: { id: true, email: true, status: true, ...rolesSelect },
  });
  if (!ownerRow || ownerRow.status !== "active")
    throw new DomainError("api-key.owner-not-found", "No active user has this e-mail address.");
  const ownerPermissions = permissionsOf(ownerRow);
  const ordered = API_SCOPES.filter((scope) => unique.includes(scope));
  const denied = ordered.find((scope) => !mayUseScope(actorPermissions, scope) || !mayUseScope(ownerPermissions, scope));
  if (denied)
    throw new DomainError("api-key.scope-not-allowed", `The scope ${denied} needs a permission the key's owner does not have.`, {
      scope: denied,
    });

  const secret = randomBase62(KEY_SECRET_LENGTH);
  const keyHash = hashSecret(secret).toString("hex");
  for (let attempt = 0; ; attempt++) {
    const prefix = formatPrefix(randomBase62(KEY_ID_LENGTH));
    try {
      const created = await prisma.$transaction(async (tx) => {
        // Lock the owner's row so two parallel creations cannot both pass the cap.
        await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${ownerRow.id} FOR UPDATE`;
        const active = await tx.apiKey.count({ where: { userId: ownerRow.id, revokedAt: null } });
        if (active >= MAX_ACTIVE_KEYS_PER_USER)
          throw new DomainError("api-key.limit", `A user can have at most ${MAX_ACTIVE_KEYS_PER_USER} active keys.`, {
            max: MAX_ACTIVE_KEYS_PER_USER,
          });
        const row = await tx.apiKey.create({
          data: { userId: ownerRow.id, name: trimmed, prefix, keyHash, scopes: ordered },
          select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
        });
        await recordAudit(
          {
            actorId,
            action: "api-key.create",
            entityType: "api-key",
            entityId: row.id,
            after: { userId: ownerRow.id, name: row.name, prefix, scopes: ordered },
            ipAddress,
          },
          tx,
        );
        return row;
      });
      return { ...created, userId: ownerRow.id, ownerEmail: ownerRow.email, key: formatApiKey(prefix, secret) };
    } catch (error) {
      const collision = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!collision || attempt >= 4) throw error;
    }
  }
}

/**
 * Revoke a key. Owners revoke their own (`asAdmin: false`); administrators any. Returns false when
 * no such active key is visible to the actor.
 */
export async function revokeApiKey({
  actorId,
  keyId,
  asAdmin,
  ipAddress,
}: {
  actorId: string;
  keyId: string;
  asAdmin: boolean;
  ipAddress?: string | null;
}) {
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: keyId, revokedAt: null, ...(asAdmin ? {} : { userId: actorId }) },
      select: { id: true, userId: true, name: true, prefix: true },
    });
    if (!key) return false;
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return false;
    await recordAudit(
      {
        actorId,
        action: "api-key.revoke",
        entityType: "api-key",
        entityId: key.id,
        before: { userId: key.userId, name: key.name, prefix: key.prefix },
        ipAddress,
      },
      tx,
    );
    return true;
  });
}

/**
 * Resolve a presented key to its owner. Unknown, malformed and revoked keys, and keys of
 * deactivated users, are `null`. The secret is compared in constant time, and `lastUsedAt` is
 * written at most once a minute per key.
 */
export async function authenticateApiKey(token: string | null): Promise<ApiPrincipal | null> {
  const parsed = parseApiKey(token);
  if (!parsed) return null;
  const key = await prisma.apiKey.findUnique({
    where: { prefix: parsed.prefix },
    select: {
      id: true,
      prefix: true,
      name: true,
      keyHash: true,
      scopes: true,
      revokedAt: true,
      lastUsedAt: true,
      user: {
        select: { id: true, email: true, name: true, status: true, emailVerifiedAt: true, createdAt: true, ...rolesSelect },
      },
    },
  });
  const stored = key && /^[0-9a-f]{64}$/.test(key.keyHash) ? Buffer.from(key.keyHash, "hex") : DUMMY_HASH;
  const matches = timingSafeEqual(hashSecret(parsed.secret), stored);
  if (!key || !matches || key.revokedAt || key.user.status !== "active") return null;

  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.updateMany({
      where: {
        id: key.id,
        revokedAt: null,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  const { roles, ...user } = key.user;
  return {
    keyId: key.id,
    prefix: key.prefix,
    name: key.name,
    scopes: API_SCOPES.filter((scope) => key.scopes.includes(scope)),
    permissions: permissionsOf(key.user),
    roles: roles.map(({ role }) => role.name).sort(),
    user,
  };
}
