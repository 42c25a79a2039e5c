// Loader-side shaping of key rows for ApiKeyTable (plain strings, nothing secret).
import type { KeyRow } from "./api-key-table";

type KeyLike = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user?: { name: string; email: string };
};

export function toKeyRow(key: KeyLike): KeyRow {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    owner: key.user ? { name: key.user.name, email: key.user.email } : undefined,
  };
}
