import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import { action as loginAction } from "~/routes/_auth+/auth.login";
import { action as registerAction } from "~/routes/_auth+/auth.register";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { formRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { call, messages } from "./auth-helpers";

const STRONG = "Brand-new-Passw0rd!";

function login(fields: Record<string, string>, ip = "198.51.100.1") {
  return formRequest("/auth/login", fields).then((request) => call(loginAction as never, request, { clientIp: ip }));
}

describe("password login", () => {
  beforeEach(resetDatabase);

  it("signs in and records the attempt", async () => {
    const user = await createUser({ email: "Ana@Example.com" });
    const out = await login({ email: "ANA@example.com", password: TEST_PASSWORD });
    expect(out.status).toBe(302);
    expect(out.location).toBe("/account");
    expect(out.cookies.some((c) => c.startsWith("__session="))).toBe(true);
    const attempts = await prisma.loginAttempt.findMany({ where: { userId: user.id } });
    expect(attempts).toMatchObject([{ success: true, reason: "success", ipAddress: "198.51.100.1", email: "ana@example.com" }]);
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    await createUser({ email: "known@example.com" });
    const unknown = await login({ email: "nobody@example.com", password: "Whatever-123!" });
    const wrong = await login({ email: "known@example.com", password: "Whatever-123!" });
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect(messages(unknown.body)).toBe(messages(wrong.body));
    const reasons = (await prisma.loginAttempt.findMany({ orderBy: { createdAt: "asc" } })).map((a) => [a.reason, a.success]);
    expect(reasons).toEqual([
      ["unknown_email", false],
      ["wrong_password", false],
    ]);
  });

  it("locks after five failures, refuses even the right password and says until when", async () => {
    const user = await createUser({ email: "lock@example.com" });
    for (let i = 0; i < 5; i++) await login({ email: "lock@example.com", password: "Wrong-password-1" });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBe(5);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60 * 1000);
    const right = await login({ email: "lock@example.com", password: TEST_PASSWORD });
    expect(right.status).toBe(400);
    expect(right.location).toBeNull();
    const expected = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      row.lockedUntil!,
    );
    expect(messages(right.body)).toContain(`locked`);
    expect(messages(right.body)).toContain(expected);
    expect((await prisma.loginAttempt.findFirst({ orderBy: { createdAt: "desc" } }))?.reason).toBe("locked");
  });

  it("locks an unknown address after five failures too, with the same answer as a real account", async () => {
    await createUser({ email: "real-lock@example.com" });
    const real: string[] = [];
    const ghost: string[] = [];
    for (let i = 0; i < 6; i++) {
      real.push(
        messages((await login({ email: "real-lock@example.com", password: "Wrong-password-1" }, `198.51.100.${60 + i}`)).body),
      );
      const out = await login(
        { email: i % 2 ? " Ghost-Lock@Example.com" : "ghost-lock@example.com", password: "Wrong-password-1" },
        `198.51.100.${70 + i}`,
      );
      expect(out.status).toBe(400);
      ghost.push(messages(out.body));
    }
    const shape = (message: string) => message.replace(/after .*$/, "after <time>");
    expect(ghost.map(shape)).toEqual(real.map(shape));
    expect(ghost[5]).toContain("locked");
    expect(ghost[5]).toMatch(/Try again after .+/);
    // Even "the right password" (any password) gets the locked answer, and no password check runs.
    const again = await login({ email: "ghost-lock@example.com", password: TEST_PASSWORD }, "198.51.100.80");
    expect(shape(messages(again.body))).toBe(shape(real[5]));
    expect((await prisma.loginAttempt.findFirst({ orderBy: { createdAt: "desc" } }))?.reason).toBe("locked");
  });

  it("counts parallel wrong attempts exactly and locks the account", async () => {
    const user = await createUser({ email: "race@example.com" });
    await Promise.all(Array.from({ length: 10 }, () => login({ email: "race@example.com", password: "Wrong-password-1" })));
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBe(10);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.loginAttempt.count({ where: { userId: user.id, reason: "wrong_password" } })).toBe(10);
  });

  it("a successful login clears the failure count", async () => {
    const user = await createUser({ email: "reset@example.com" });
    for (let i = 0; i < 3; i++) await login({ email: "reset@example.com", password: "Wrong-password-1" });
    await login({ email: "reset@example.com", password: TEST_PASSWORD });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
  });

  it("follows only same-site redirectTo values", async () => {
    await createUser({ email: "redir@example.com" });
    const evil = await login({ email: "redir@example.com", password: TEST_PASSWORD, redirectTo: "https://evil.example" });
    expect(evil.location).toBe("/account");
    const protocolRelative = await login({ email: "redir@example.com", password: TEST_PASSWORD, redirectTo: "//evil.example/x" });
    expect(protocolRelative.location).toBe("/account");
    const local = await login({ email: "redir@example.com", password: TEST_PASSWORD, redirectTo: "/account/security?tab=1" });
    expect(local.location).toBe("/account/security?tab=1");
  });

  it("refuses deactivated users", async () => {
    const user = await createUser({ email: "gone@example.com", status: "deactivated" });
    const out = await login({ email: "gone@example.com", password: TEST_PASSWORD });
    expect(out.status).toBe(400);
    expect(out.cookies.some((c) => c.startsWith("__session="))).toBe(false);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a POST without a CSRF token with 403 and changes nothing", async () => {
    const user = await createUser({ email: "csrf@example.com" });
    const request = await formRequest("/auth/login", { email: "csrf@example.com", password: TEST_PASSWORD }, { csrf: false });
    const out = await call(loginAction as never, request);
    expect(out.status).toBe(403);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.loginAttempt.count()).toBe(0);
    const register = await call(
      registerAction as never,
      await formRequest(
        "/auth/register",
        { name: "X", email: "new@example.com", password: STRONG, confirmPassword: STRONG },
        { csrf: false },
      ),
    );
    expect(register.status).toBe(403);
    expect(await prisma.user.count({ where: { email: "new@example.com" } })).toBe(0);
  });
});

describe("registration", () => {
  beforeEach(resetDatabase);

  it("creates a user with only the user role, ignoring a tampered role field, and sends a verification link", async () => {
    const request = await formRequest("/auth/register", {
      name: "Nora",
      email: "Nora@Example.com",
      password: STRONG,
      confirmPassword: STRONG,
      role: "admin",
      roles: ["admin", "blogger"],
    });
    const out = await call(registerAction as never, request);
    expect(out.status).toBe(302);
    expect(out.location).toBe("/account");
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "nora@example.com" },
      select: {
        id: true,
        emailVerifiedAt: true,
        roles: { select: { role: { select: { name: true } } } },
        password: { select: { hash: true } },
      },
    });
    expect(user.roles.map((r) => r.role.name)).toEqual(["user"]);
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.password?.hash).toMatch(/^\$argon2id\$/);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: "nora@example.com" } });
    expect(mail.text).toMatch(/\/auth\/verify-email\?token=[\w-]{20,}/);
    expect(await prisma.verification.count({ where: { type: "email_verification", userId: user.id } })).toBe(1);
  });

  it("lists every missing password rule and keeps the other values", async () => {
    const out = await call(
      registerAction as never,
      await formRequest("/auth/register", { name: "Ana", email: "ana@example.com", password: "short", confirmPassword: "other" }),
    );
    const reply = out.body as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(reply.error.password).toEqual(
      expect.arrayContaining([
        expect.stringContaining("12 characters"),
        expect.stringContaining("upper-case"),
        expect.stringContaining("digit"),
        expect.stringContaining("symbol"),
      ]),
    );
    expect(reply.error.confirmPassword).toEqual(["The two passwords are not the same."]);
    expect(reply.initialValue.email).toBe("ana@example.com");
    expect(reply.initialValue.password).toBeUndefined();
  });

  it("answers a duplicate e-mail with a field error", async () => {
    await createUser({ email: "dup@example.com" });
    const out = await call(
      registerAction as never,
      await formRequest("/auth/register", { name: "Dup", email: "DUP@example.com", password: STRONG, confirmPassword: STRONG }),
    );
    expect((out.body as { error: Record<string, string[]> }).error.email[0]).toContain("already exists");
    expect(await prisma.user.count({ where: { email: "dup@example.com" } })).toBe(1);
  });
});
