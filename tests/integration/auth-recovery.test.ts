import { beforeEach, describe, expect, it } from "vitest";
import { createSession, getSessionUser } from "~/domains/identity/sessions.server";
import { prisma } from "~/infra/db.server";
import { action as forgotAction } from "~/routes/_auth+/auth.forgot-password";
import { action as loginAction } from "~/routes/_auth+/auth.login";
import { action as resetAction, loader as resetLoader } from "~/routes/_auth+/auth.reset-password";
import { loader as verifyLoader } from "~/routes/_auth+/auth.verify-email";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { drainOutbox } from "../setup/outbox";
import { resetDatabase } from "../setup/reset";
import { call, whileAccountTablesLocked } from "./auth-helpers";

const NEW_PASSWORD = "Another-strong-Pass7";

async function forgot(email: string, ip = "198.51.100.20") {
  const out = await call(forgotAction as never, await formRequest("/auth/forgot-password", { email }), { clientIp: ip });
  // The lookup and the e-mail are an outbox job, run after the answer: run it now.
  await drainOutbox();
  return out;
}

async function resetTokenFor(email: string) {
  const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = /\/auth\/reset-password\?token=([\w-]+)/.exec(mail.text);
  return match![1];
}

describe("forgotten password", () => {
  beforeEach(resetDatabase);

  it("answers known and unknown addresses identically, and mails only the known one", async () => {
    await createUser({ email: "known@example.com" });
    const known = await forgot("known@example.com");
    const unknown = await forgot("unknown@example.com");
    expect(known.status).toBe(unknown.status);
    expect(JSON.stringify(known.body).replaceAll("known@example.com", "X")).toBe(
      JSON.stringify(unknown.body).replaceAll("unknown@example.com", "X"),
    );
    expect(await prisma.emailMessage.count({ where: { to: "known@example.com" } })).toBe(1);
    expect(await prisma.emailMessage.count({ where: { to: "unknown@example.com" } })).toBe(0);
    const row = await prisma.verification.findFirstOrThrow({ where: { type: "password_reset" } });
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 60 * 60 * 1000)).toBeLessThan(5000);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers before the account's work is done (no timing difference), and still sends the link", async () => {
    await createUser({ email: "slowmail@example.com" });
    // The request only writes an outbox job: its answer must not wait for the per-account work.
    const out = await whileAccountTablesLocked(async () =>
      call(forgotAction as never, await formRequest("/auth/forgot-password", { email: "slowmail@example.com" }), {
        clientIp: "198.51.100.21",
      }),
    );
    expect(out.status).toBe(200);
    expect(await prisma.emailMessage.count({ where: { to: "slowmail@example.com" } })).toBe(0);
    await drainOutbox();
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: "slowmail@example.com" } });
    expect(mail).toMatchObject({ template: "password-reset", sensitive: true, status: "sent", transport: "dev-mailbox" });
    expect(mail.html).toContain("/auth/reset-password?token=");
  });

  it("writes the same single job for known and unknown addresses, and a re-run of that job sends nothing more", async () => {
    await createUser({ email: "twice@example.com" });
    await call(forgotAction as never, await formRequest("/auth/forgot-password", { email: "twice@example.com" }), {
      clientIp: "198.51.100.22",
    });
    await call(forgotAction as never, await formRequest("/auth/forgot-password", { email: "nobody@example.com" }), {
      clientIp: "198.51.100.23",
    });
    const events = await prisma.outboxEvent.findMany({
      select: { id: true, name: true, payload: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => event.name)).toEqual(["identity_password_reset_request", "identity_password_reset_request"]);
    await drainOutbox();
    const { passwordResetRequestJob } = await import("~/domains/identity/identity.jobs.server");
    const replay = await passwordResetRequestJob.handler(events[0].payload as never, {
      eventId: events[0].id,
      attempt: 2,
      maxAttempts: 5,
      signal: new AbortController().signal,
    });
    expect(replay).toEqual({ sent: true });
    expect(await prisma.emailMessage.count({ where: { to: "twice@example.com" } })).toBe(1);
    expect(await prisma.verification.count({ where: { type: "password_reset" } })).toBe(1);
  });

  it("limits requests per address", async () => {
    for (let i = 0; i < 5; i++) expect((await forgot("limit@example.com", `198.51.100.${30 + i}`)).status).toBe(200);
    const sixth = await forgot("limit@example.com", "198.51.100.99");
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("resets once: new password works, sessions are revoked, lockout is lifted, the link dies", async () => {
    const user = await createUser({ email: "reset@example.com" });
    const sessionId = await createSession({ userId: user.id });
    await prisma.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 600_000) },
    });
    await forgot("reset@example.com");
    const token = await resetTokenFor("reset@example.com");
    expect((await call(resetLoader as never, await getRequest(`/auth/reset-password?token=${token}`))).status).toBe(200);

    const done = await call(
      resetAction as never,
      await formRequest("/auth/reset-password", { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(done.location).toBe("/auth/login");
    expect(await getSessionUser(sessionId)).toBeNull();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBe(0);
    expect(row.lockedUntil).toBeNull();

    const again = await call(
      resetAction as never,
      await formRequest("/auth/reset-password", {
        token,
        password: "Third-strong-Pass8!",
        confirmPassword: "Third-strong-Pass8!",
      }),
    );
    expect(again.status).toBe(410);
    expect((await call(resetLoader as never, await getRequest(`/auth/reset-password?token=${token}`))).status).toBe(410);

    const oldPassword = await call(
      loginAction as never,
      await formRequest("/auth/login", { email: "reset@example.com", password: TEST_PASSWORD }),
    );
    expect(oldPassword.status).toBe(400);
    const newPassword = await call(
      loginAction as never,
      await formRequest("/auth/login", { email: "reset@example.com", password: NEW_PASSWORD }),
    );
    expect(newPassword.location).toBe("/account");
  });

  it("refuses an expired token and an unknown one", async () => {
    await createUser({ email: "late@example.com" });
    await forgot("late@example.com");
    const token = await resetTokenFor("late@example.com");
    await prisma.verification.updateMany({ where: { type: "password_reset" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(
      resetAction as never,
      await formRequest("/auth/reset-password", { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(expired.status).toBe(410);
    const unknown = await call(resetLoader as never, await getRequest("/auth/reset-password?token=nope"));
    expect(unknown.status).toBe(410);
  });

  it("enforces the password rules on the new password", async () => {
    await createUser({ email: "rules@example.com" });
    await forgot("rules@example.com");
    const token = await resetTokenFor("rules@example.com");
    const weak = await call(
      resetAction as never,
      await formRequest("/auth/reset-password", { token, password: "weak", confirmPassword: "weak" }),
    );
    expect((weak.body as { result: { error: Record<string, string[]> } }).result.error.password.length).toBeGreaterThan(2);
    expect(await prisma.verification.count({ where: { type: "password_reset", usedAt: null } })).toBe(1);
  });
});

describe("e-mail verification", () => {
  beforeEach(resetDatabase);

  it("verifies once within 24 hours", async () => {
    const { createVerification } = await import("~/domains/identity/verification.server");
    const user = await createUser({ email: "verify@example.com", verified: false });
    const token = await createVerification({
      type: "email_verification",
      target: user.email,
      userId: user.id,
      ttlMs: 24 * 3600 * 1000,
    });
    const first = await call(verifyLoader as never, await getRequest(`/auth/verify-email?token=${token}`));
    expect((first.body as { state: string }).state).toBe("verified");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    const second = await call(verifyLoader as never, await getRequest(`/auth/verify-email?token=${token}`));
    expect(second.status).toBe(410);
  });
});
