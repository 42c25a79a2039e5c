import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { claimCodeGuess } from "~/domains/identity/email-code.server";
import { prisma } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { action as requestAction } from "~/routes/_auth+/auth.login_.code";
import { action as verifyAction, loader as verifyLoader } from "~/routes/_auth+/auth.login_.code_.verify";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { drainOutbox } from "../setup/outbox";
import { resetDatabase } from "../setup/reset";
import { call, cookieHeader, whileAccountTablesLocked } from "./auth-helpers";

async function requestCode(email: string, ip = "198.51.100.40") {
  const out = await call(requestAction as never, await formRequest("/auth/login/code", { email }), { clientIp: ip });
  expect(out.location).toBe("/auth/login/code/verify");
  // The lookup, the code's row and the e-mail are an outbox job, run after the answer: run it now.
  await drainOutbox();
  return cookieHeader(out.cookies);
}

/** The same cookie with another spelling of the address (the browser controls it). */
function withCookieEmail(cookie: string, email: string) {
  return cookie.replace(/(^|;\s*)_totp=([^;]*)/, (_all, lead: string, value: string) => {
    const params = new URLSearchParams(value);
    params.set("email", email);
    return `${lead}_totp=${params.toString()}`;
  });
}

async function mailedCode(email: string) {
  const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return {
    code: /\b(\d{6})\b/.exec(mail.text)![1],
    link: /https?:\/\/\S+\/auth\/login\/code\/verify\?t=\S+/.exec(mail.text)![0],
  };
}

describe("sign-in with an e-mailed code", () => {
  beforeEach(resetDatabase);
  afterEach(() => vi.restoreAllMocks());

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
    const page = await call(
      verifyLoader as never,
      await getRequest("/auth/login/code/verify", { cookie: cookieHeader(replay.cookies, cookie) }),
    );
    expect((page.body as { error: string }).error).toContain("already used");
    expect(await prisma.loginAttempt.count({ where: { userId: user.id, reason: "code_success" } })).toBe(1);
  });

  it("returns to the page the person was going to (same-site only) after the code", async () => {
    await createUser({ email: "back@example.com" });
    const out = await call(
      requestAction as never,
      await formRequest("/auth/login/code", { email: "back@example.com", redirectTo: "/account/security/sessions" }),
      { clientIp: "198.51.100.41" },
    );
    await drainOutbox();
    const cookie = cookieHeader(out.cookies);
    expect(cookie).toContain("__code_redirect=");
    const { code } = await mailedCode("back@example.com");
    const ok = await call(verifyAction as never, await formRequest("/auth/login/code/verify", { code }, { cookie }));
    expect(ok.location).toBe("/account/security/sessions");

    await createUser({ email: "offsite@example.com" });
    const evil = await call(
      requestAction as never,
      await formRequest("/auth/login/code", { email: "offsite@example.com", redirectTo: "https://evil.example/" }),
      { clientIp: "198.51.100.42" },
    );
    await drainOutbox();
    expect(cookieHeader(evil.cookies)).not.toContain("__code_redirect=");
    const second = await mailedCode("offsite@example.com");
    const landed = await call(
      verifyAction as never,
      await formRequest("/auth/login/code/verify", { code: second.code }, { cookie: cookieHeader(evil.cookies) }),
    );
    expect(landed.location).toBe("/account");
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
    expect(await prisma.emailMessage.count()).toBe(0);
    expect(await prisma.verification.count()).toBe(0);
  });

  it("refuses a wrong code and limits guesses per address", async () => {
    const user = await createUser({ email: "guess@example.com" });
    const cookie = await requestCode("guess@example.com");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const out = await call(
        verifyAction as never,
        await formRequest("/auth/login/code/verify", { code: "000000" }, { cookie }),
        { clientIp: `198.51.100.${50 + i}` },
      );
      statuses.push(out.status);
    }
    expect(statuses.slice(0, 5)).toEqual([302, 302, 302, 302, 302]);
    expect(statuses[5]).toBe(429);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("counts wrong guesses per normalised address on the server: five spend the code", async () => {
    const user = await createUser({ email: "variant@example.com" });
    const cookie = await requestCode("variant@example.com");
    const { code } = await mailedCode("variant@example.com");
    const wrong = code === "000000" ? "111111" : "000000";
    const spellings = [
      " Variant@example.com",
      "variant@example.com ",
      "VARIANT@EXAMPLE.COM",
      "\tvariant@Example.com",
      " VARIANT@example.com ",
    ];
    for (const [i, spelling] of spellings.entries()) {
      const out = await call(
        verifyAction as never,
        await formRequest("/auth/login/code/verify", { code: wrong }, { cookie: withCookieEmail(cookie, spelling) }),
        {
          clientIp: `198.51.100.${120 + i}`,
        },
      );
      expect(out.location).toBe("/auth/login/code/verify");
    }
    expect(await prisma.loginAttempt.count({ where: { email: "variant@example.com", reason: "code_invalid" } })).toBe(5);
    // The fifth wrong guess spent the code.
    const row = await prisma.verification.findFirstOrThrow({ where: { type: "sign_in_code", userId: user.id } });
    expect(row.usedAt).not.toBeNull();
    // The right code afterwards, under yet another spelling and from another IP, is refused.
    const right = await call(
      verifyAction as never,
      await formRequest("/auth/login/code/verify", { code }, { cookie: withCookieEmail(cookie, "vArIaNt@example.com") }),
      {
        clientIp: "198.51.100.130",
      },
    );
    expect(right.status).toBe(429);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // Past the rate limiters, the server-side count refuses it too.
    expect(await claimCodeGuess({ email: "Variant@Example.com ", ipAddress: "198.51.100.131" })).toEqual({ allowed: false });
  });

  it("lets parallel guesses claim at most five evaluations of one code", async () => {
    await createUser({ email: "parallel-code@example.com" });
    await requestCode("parallel-code@example.com");
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        claimCodeGuess({
          email: i % 2 ? " Parallel-Code@example.com" : "parallel-code@example.com",
          ipAddress: "198.51.100.140",
        }),
      ),
    );
    expect(claims.filter((claim) => claim.allowed).length).toBeLessThanOrEqual(5);
    expect(
      await prisma.verification.count({ where: { type: "sign_in_code", target: "parallel-code@example.com", usedAt: null } }),
    ).toBe(0);
  });

  it("keeps the code out of the subject and the log", async () => {
    await createUser({ email: "subject@example.com" });
    const info = vi.spyOn(logger, "info");
    await requestCode("subject@example.com", "198.51.100.150");
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: "subject@example.com" } });
    const { code } = await mailedCode("subject@example.com");
    expect(mail.subject).toBe("Your Verso sign-in code");
    expect(mail.subject).not.toMatch(/\d{6}/);
    const logged = info.mock.calls.filter(([fields]) => typeof fields === "object" && fields !== null && "emailId" in fields);
    expect(logged).toHaveLength(1);
    expect(logged[0][0]).toEqual({ to: "subject@example.com", emailId: mail.id, transport: "dev-mailbox" });
    expect(JSON.stringify(info.mock.calls)).not.toContain(code);
  });

  it("answers the code request before the account's work is done, and still sends the code", async () => {
    await createUser({ email: "slowcode@example.com" });
    // The request only writes an outbox job: its answer must not wait for the per-account work.
    const out = await whileAccountTablesLocked(async () =>
      call(requestAction as never, await formRequest("/auth/login/code", { email: "slowcode@example.com" }), {
        clientIp: "198.51.100.160",
      }),
    );
    expect(out.location).toBe("/auth/login/code/verify");
    await drainOutbox();
    expect(await prisma.emailMessage.count({ where: { to: "slowcode@example.com" } })).toBe(1);
  });
});
