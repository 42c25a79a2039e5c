// Per-key rate limits (here 3 a minute, set through the environment): RateLimit-* headers count
// down on every answer, the fourth request is a 429 problem with Retry-After, and other keys are
// unaffected. Requests without a valid key are limited per client address.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "3";
});

const { createApiKey } = await import("~/domains/identity/api-keys.server");
const { ProblemSchema } = await import("~/domains/platform/api/schemas");
const { loader: meLoader } = await import("~/routes/api+/v1.me");
const { createUser } = await import("../factories/users");
const { BASE, context } = await import("../setup/requests");
const { resetDatabase } = await import("../setup/reset");

async function newKey() {
  const user = await createUser();
  return (
    await createApiKey({
      actorId: user.id,
      actorPermissions: new Set(["create:api-key:own"]),
      owner: { id: user.id },
      name: "Limited",
      scopes: ["me:read"],
    })
  ).key;
}

function me(key: string | null, clientIp = "203.0.113.50") {
  const headers: Record<string, string> = key ? { Authorization: `Bearer ${key}` } : {};
  return meLoader({ request: new Request(`${BASE}/api/v1/me`, { headers }), params: {}, context: context({ clientIp }) });
}

describe("API rate limits", () => {
  beforeEach(resetDatabase);

  it("counts down per key and answers 429 with Retry-After once the key is over its limit", async () => {
    const key = await newKey();
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await me(key);
      expect(response.status).toBe(200);
      expect(response.headers.get("RateLimit-Limit")).toBe("3");
      expect(Number(response.headers.get("RateLimit-Reset"))).toBeGreaterThan(0);
      remaining.push(response.headers.get("RateLimit-Remaining")!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);

    const limited = await me(key);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Content-Type")).toBe("application/problem+json");
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get("RateLimit-Limit")).toBe("3");
    expect(limited.headers.get("RateLimit-Remaining")).toBe("0");
    expect(limited.headers.get("RateLimit-Reset")).toBe(String(retryAfter));
    expect(ProblemSchema.parse(await limited.json())).toMatchObject({
      status: 429,
      title: "Too many requests",
      instance: "/api/v1/me",
    });

    expect((await me(await newKey())).status).toBe(200);
  });

  it("limits requests without a valid key per client address", async () => {
    for (let i = 0; i < 3; i++) expect((await me(null, "198.51.100.77")).status).toBe(401);
    const limited = await me("vk_live_AAAAAAAA_" + "A".repeat(43), "198.51.100.77");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).not.toBeNull();
    expect((await me(null, "198.51.100.78")).status).toBe(401);
  });
});
