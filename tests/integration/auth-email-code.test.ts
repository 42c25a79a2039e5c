import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import { action as requestAction } from "~/routes/_auth+/auth.login_.code";
import { action as verifyAction, loader as verifyLoader } from "~/routes/_auth+/auth.login_.code_.verify";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { call, cookieHeader } from "./auth-helpers";

async function requestCode(email: string, ip = "198.51.100.40") {
  const out = await call(requestAction as never, await formRequest("/auth/login/code", { email }), { clientIp: ip });
  expect(out.location).toBe("/auth/login/code/verify");
  return cookieHeader(out.cookies);
}

async function mailedCode(email: string) {
  const mail = await prisma.devEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return { code: /\b(\d{6})\b/.exec(mail.text)![1], link: /https?:\/\/\S+\/auth\/login\/code\/verify\?t=\S+/.exec(mail.text)![0] };
}

describe("sign-in with an e-mailed code", () => {
  beforeEach(resetDatabase);

  it("signs in once with the code; the same code and cookie cannot be replayed", async () => {
    const user = await createUser({ email: "code@example.com" });
    const cookie = await requestCode("Code@Example.com");
    const { code } = await mailedCode("code@example.com");
    expect(await prisma.verification.count({ where: { type: "sign_in_code", userId: user.id, usedAt: null } })).toBe(1);

    const ok = await call(verifyAction as never, await formRequest("/auth/login/code/verify", { code }, { cookie }));
    expect(ok.location).toBe("/account");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);

    const replay = await call(verifyAction as never, await formRequest("/auth/login/code/verify", { code }, { cookie }));
    expect(replay.location).toBe("/auth/login/code/verify");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const page = await call(verifyLoader as never, await getRequest("/auth/login/code/verify", { cookie: cookieHeader(replay.cookies, cookie) }));
    expect((page.body as { error: string }).error).toContain("already used");
    expect(await prisma.loginAttempt.count({ where: { userId: user.id, reason: "code_success" } })).toBe(1);
  });

  it("signs in with the magic link", async () => {
    const user = await createUser({ email: "link@example.com" });
    const cookie = await requestCode("link@example.com");
    const { link } = await mailedCode("link@example.com");
    const url = new URL(link);
    const out = await call(verifyLoader as never, await getRequest(url.pathname + url.search, { cookie }));
    expect(out.location).toBe("/account");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers an unknown address like a known one and sends nothing", async () => {
    await requestCode("ghost@example.com");
    expect(await prisma.devEmail.count()).toBe(0);
    expect(await prisma.verification.count()).toBe(0);
  });

  it("refuses a wrong code and limits guesses per address", async () => {
    const user = await createUser({ email: "guess@example.com" });
    const cookie = await requestCode("guess@example.com");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const out = await call(verifyAction as never, await formRequest("/auth/login/code/verify", { code: "000000" }, { cookie }), { clientIp: `198.51.100.${50 + i}` });
      statuses.push(out.status);
    }
    expect(statuses.slice(0, 5)).toEqual([302, 302, 302, 302, 302]);
    expect(statuses[5]).toBe(429);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
