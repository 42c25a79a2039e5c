import { describe, expect, it } from "vitest";
import {
  API_SCOPES,
  base62FromBytes,
  bearerToken,
  formatApiKey,
  formatPrefix,
  grantableScopes,
  isApiScope,
  KEY_SECRET_LENGTH,
  mayUseScope,
  parseApiKey,
  SCOPE_REQUIREMENTS,
} from "./api-key-format";
import { DEFAULT_ROLE_GRANTS } from "./permissions";

const SECRET = "a".repeat(KEY_SECRET_LENGTH);

describe("API key format", () => {
  it("formats a key from its prefix and secret and parses it back", () => {
    const prefix = formatPrefix("Ab3dE5g7");
    expect(prefix).toBe("vk_live_Ab3dE5g7");
    const key = formatApiKey(prefix, SECRET);
    expect(key).toBe(`vk_live_Ab3dE5g7_${SECRET}`);
    expect(parseApiKey(key)).toEqual({ prefix, secret: SECRET });
    expect(parseApiKey(`  ${key}\n`)).toEqual({ prefix, secret: SECRET });
  });

  it("rejects anything that is not exactly a key", () => {
    for (const value of [
      null,
      "",
      "vk_live_Ab3dE5g7",
      `vk_live_Ab3dE5g_${SECRET}`,
      `vk_test_Ab3dE5g7_${SECRET}`,
      `vk_live_Ab3dE5g7_${SECRET}x`,
      `vk_live_Ab3dE5g7_${SECRET.slice(1)}`,
      `vk_live_Ab3d-5g7_${SECRET}`,
      `vk_live_Ab3dE5g7_${SECRET.slice(1)}-`,
    ]) {
      expect(parseApiKey(value)).toBeNull();
    }
  });

  it("encodes random bytes as base62 without modulo bias", () => {
    expect(base62FromBytes(new Uint8Array([0, 61, 62, 247]), 4)).toBe("0z0z");
    expect(base62FromBytes(new Uint8Array([248, 255, 1]), 3)).toBe("1");
    expect(base62FromBytes(new Uint8Array([1, 2, 3, 4]), 2)).toBe("12");
  });

  it("reads the token of a Bearer Authorization header", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer   abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});

describe("scopes", () => {
  it("knows its catalogue", () => {
    expect(API_SCOPES).toEqual([
      "me:read",
      "users:read",
      "users:write",
      "products:read",
      "products:write",
      "orders:read",
      "orders:write",
    ]);
    expect(isApiScope("users:write")).toBe(true);
    expect(isApiScope("users:delete")).toBe(false);
  });

  it("limits the scopes someone may grant to their own permissions", () => {
    expect(grantableScopes(new Set(DEFAULT_ROLE_GRANTS.user))).toEqual(["me:read"]);
    expect(grantableScopes(new Set(DEFAULT_ROLE_GRANTS.admin))).toEqual([...API_SCOPES]);
    // Sales staff run the shop through the API, but cannot touch people.
    expect(grantableScopes(new Set(DEFAULT_ROLE_GRANTS.commercial))).toEqual([
      "me:read",
      "products:read",
      "products:write",
      "orders:read",
      "orders:write",
    ]);
    expect(mayUseScope(new Set(["read:user:any"]), "users:read")).toBe(true);
    expect(mayUseScope(new Set(["read:user:own"]), "users:read")).toBe(false);
  });

  it("grants users:write only to someone who may read, create and update any user", () => {
    const all = ["read:user:any", "create:user:any", "update:user:any"];
    expect(mayUseScope(new Set(all), "users:write")).toBe(true);
    for (const missing of all) {
      expect(mayUseScope(new Set(all.filter((permission) => permission !== missing)), "users:write")).toBe(false);
    }
    expect(SCOPE_REQUIREMENTS["me:read"]).toEqual([]);
  });
});
