import { beforeEach, describe, expect, it, vi } from "vitest";

// A low limit for this file only (the env is read once per test file).
vi.hoisted(() => {
  process.env.LOGIN_RATE_LIMIT_PER_15_MIN = "3";
});

import { prisma } from "~/infra/db.server";
import { action as loginAction } from "~/routes/_auth+/auth.login";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { formRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { call, messages } from "./auth-helpers";

describe("login throttling per IP", () => {
  beforeEach(resetDatabase);

  it("answers 429 with Retry-After once an IP used up its attempts, even with the right password", async () => {
    await createUser({ email: "ip@example.com" });
    const ip = "192.0.2.77";
    for (let i = 0; i < 3; i++) {
      const out = await call(
        loginAction as never,
        await formRequest("/auth/login", { email: "ip@example.com", password: "Wrong-password-1" }),
        { clientIp: ip },
      );
      expect(out.status).toBe(400);
    }
    const blocked = await call(
      loginAction as never,
      await formRequest("/auth/login", { email: "ip@example.com", password: TEST_PASSWORD }),
      { clientIp: ip },
    );
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(messages(blocked.body)).toContain("Too many attempts");
    expect(await prisma.loginAttempt.count({ where: { reason: "rate_limited", ipAddress: ip } })).toBe(1);
    // Another address is not affected.
    const other = await call(
      loginAction as never,
      await formRequest("/auth/login", { email: "ip@example.com", password: TEST_PASSWORD }),
      { clientIp: "192.0.2.78" },
    );
    expect(other.location).toBe("/account");
  });
});
