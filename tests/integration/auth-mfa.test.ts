import { generateTOTP } from "@epic-web/totp";
import { beforeEach, describe, expect, it } from "vitest";
import { generateBackupCodes, hashBackupCode } from "~/domains/identity/backup-codes";
import { encryptSecret } from "~/infra/crypto.server";
import { prisma } from "~/infra/db.server";
import { action as loginAction } from "~/routes/_auth+/auth.login";
import { action as mfaAction, loader as mfaLoader } from "~/routes/_auth+/auth.mfa";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { call, cookieHeader, messages } from "./auth-helpers";

async function userWithMfa() {
  const user = await createUser();
  const { secret } = await generateTOTP();
  await prisma.totpDevice.create({ data: { userId: user.id, secret: encryptSecret(secret), confirmedAt: new Date() } });
  const codes = generateBackupCodes();
  await prisma.backupCode.createMany({ data: codes.map((code) => ({ userId: user.id, codeHash: hashBackupCode(code) })) });
  return { user, secret, codes };
}

async function passwordStep(email: string, redirectTo = "/account/security", clientIp = "203.0.113.7") {
  const out = await call(loginAction as never, await formRequest("/auth/login", { email, password: TEST_PASSWORD, redirectTo }), {
    clientIp,
  });
  expect(out.location).toBe("/auth/mfa");
  return cookieHeader(out.cookies);
}

async function answer(cookie: string, code: string, clientIp = "203.0.113.7") {
  return call(mfaAction as never, await formRequest("/auth/mfa", { code }, { cookie }), { clientIp });
}

describe("second factor at sign-in", () => {
  beforeEach(resetDatabase);

  it("does not start a session before the second factor, then accepts a TOTP code once", async () => {
    const { user, secret } = await userWithMfa();
    const cookie = await passwordStep(user.email);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await call(mfaLoader as never, await getRequest("/auth/mfa", { cookie }))).status).toBe(200);
    const { otp } = await generateTOTP({ secret });
    const ok = await answer(cookie, otp);
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/account/security");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    // The same code (same time step) cannot be used again.
    const again = await answer(await passwordStep(user.email), otp);
    expect(again.status).toBe(400);
    expect(messages(again.body)).toContain("not valid");
  });

  it("accepts a backup code exactly once, even when used twice in parallel", async () => {
    const { user, codes } = await userWithMfa();
    const cookie = await passwordStep(user.email);
    const results = await Promise.all([answer(cookie, codes[0].toUpperCase()), answer(cookie, codes[0])]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await prisma.backupCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const later = await answer(await passwordStep(user.email), codes[0]);
    expect(later.status).toBe(400);
  });

  it("ends the challenge after five wrong codes", async () => {
    const { user, secret } = await userWithMfa();
    const cookie = await passwordStep(user.email);
    for (let i = 0; i < 4; i++) expect((await answer(cookie, "000000")).status).toBe(400);
    const fifth = await answer(cookie, "000000");
    expect(fifth.location).toBe("/auth/login");
    // Even the right code no longer works with this (replayed) challenge cookie.
    const { otp } = await generateTOTP({ secret });
    const replay = await answer(cookie, otp);
    expect(replay.location).toBe("/auth/login");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.loginAttempt.count({ where: { userId: user.id, reason: "mfa_invalid" } })).toBe(5);
  });

  it("evaluates at most five of twelve parallel wrong codes and ends the challenge", async () => {
    const { user, secret } = await userWithMfa();
    const cookie = await passwordStep(user.email, "/account/security", "198.51.100.201");
    const results = await Promise.all(Array.from({ length: 12 }, () => answer(cookie, "000000", "198.51.100.201")));
    expect(await prisma.loginAttempt.count({ where: { userId: user.id, reason: "mfa_invalid" } })).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 400).length).toBeLessThanOrEqual(4);
    expect(results.filter((r) => r.location === "/auth/login").length).toBeGreaterThanOrEqual(8);
    const { otp } = await generateTOTP({ secret });
    expect((await answer(cookie, otp, "198.51.100.201")).location).toBe("/auth/login");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("does not give fresh guesses when the password is entered again within the window", async () => {
    const { user, secret } = await userWithMfa();
    const first = await passwordStep(user.email, "/account/security", "198.51.100.202");
    for (let i = 0; i < 3; i++) expect((await answer(first, "000000", "198.51.100.202")).status).toBe(400);
    const second = await passwordStep(user.email, "/account/security", "198.51.100.202");
    const fourth = await answer(second, "000000", "198.51.100.202");
    expect(fourth.status).toBe(400);
    expect(messages(fourth.body)).toContain("1 attempt left");
    expect((await answer(second, "000000", "198.51.100.202")).location).toBe("/auth/login");
    // A third password entry: still no guesses left, even for the right code.
    const third = await passwordStep(user.email, "/account/security", "198.51.100.202");
    const { otp } = await generateTOTP({ secret });
    expect((await answer(third, otp, "198.51.100.202")).location).toBe("/auth/login");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // Once the window has moved on, the right code works again.
    await prisma.loginAttempt.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 16 * 60 * 1000) },
    });
    const later = await passwordStep(user.email, "/account/security", "198.51.100.202");
    const { otp: current } = await generateTOTP({ secret });
    expect((await answer(later, current, "198.51.100.202")).location).toBe("/account/security");
  });

  it("limits answers per IP address", async () => {
    const ip = "198.51.100.203";
    const users = await Promise.all(Array.from({ length: 8 }, () => userWithMfa()));
    const statuses: number[] = [];
    for (const { user } of users) {
      const cookie = await passwordStep(user.email, "/account/security", `198.51.100.${210 + statuses.length / 4}`);
      for (let i = 0; i < 4; i++) statuses.push((await answer(cookie, "000000", ip)).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("sends people without a pending challenge back to log in", async () => {
    const out = await call(mfaLoader as never, await getRequest("/auth/mfa"));
    expect(out.location).toBe("/auth/login");
  });
});
