// /account/security: password change and e-mail change, through the real route modules.
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "~/domains/identity/password-hash.server";
import { getSessionUser } from "~/domains/identity/sessions.server";
import { prisma } from "~/infra/db.server";
import { loader as confirmLoader } from "~/routes/account+/security.confirm-email";
import { action } from "~/routes/account+/security._index";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { context, formRequest, getRequest, sessionCookie, settle } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

const PATH = "/account/security";
const NEW_PASSWORD = "Brand-new-Secret-42!";

type Reply = {
  intent: string;
  result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> | null };
};

function replyOf(result: unknown) {
  expect(result).not.toBeInstanceOf(Response);
  const wrapped = result as { data: Reply; init: { status?: number } | null };
  return { status: wrapped.init?.status ?? 200, ...wrapped.data };
}

async function run(request: Request) {
  return settle(() => action({ request, params: {}, context: context() }));
}

async function latestMailTo(to: string) {
  return prisma.emailMessage.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
}

describe("change password", () => {
  beforeEach(resetDatabase);

  it("refuses a wrong current password, keeps nothing secret in the reply and changes nothing", async () => {
    const user = await createUser();
    const { cookie } = await sessionCookie(user.id);
    const fields = {
      intent: "password",
      currentPassword: "Wrong-password-1!",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    };
    const reply = replyOf(await run(await formRequest(PATH, fields, { cookie })));
    expect(reply.status).toBe(400);
    expect(reply.result.error?.currentPassword).toEqual(["The current password is not correct."]);
    expect(JSON.stringify(reply.result.initialValue ?? {})).not.toContain("Wrong-password");
    expect(JSON.stringify(reply.result.initialValue ?? {})).not.toContain(NEW_PASSWORD);
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await verifyPassword(stored.hash, TEST_PASSWORD)).toBe(true);
  });

  it("lists every rule the new password breaks, and a mismatching confirmation", async () => {
    const user = await createUser();
    const fields = { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "other" };
    const reply = replyOf(await run(await formRequest(PATH, fields, { userId: user.id })));
    expect(reply.status).toBe(400);
    expect(reply.result.error?.newPassword).toEqual([
      "Use at least 12 characters.",
      "Add an upper-case letter.",
      "Add a digit.",
      "Add a symbol, such as ! or -.",
    ]);
    expect(reply.result.error?.confirmPassword).toEqual(["The two new passwords are not the same."]);
  });

  it("changes the hash, signs out every other session, rotates this one and e-mails a notice", async () => {
    const user = await createUser();
    const other = await sessionCookie(user.id);
    const current = await sessionCookie(user.id);
    const fields = {
      intent: "password",
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    };
    const response = await run(await formRequest(PATH, fields, { cookie: current.cookie }));
    expect(response).toBeInstanceOf(Response);
    const res = response as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(PATH);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(true);

    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await verifyPassword(stored.hash, NEW_PASSWORD)).toBe(true);
    expect(await getSessionUser(other.sessionId)).toBeNull();
    expect(await getSessionUser(current.sessionId)).toBeNull(); // rotated: a new id replaced it
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    expect((await latestMailTo(user.email))?.subject).toBe("Your Verso password was changed");
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.password_changed" } })).toBe(1);
  });
});

describe("change e-mail address", () => {
  beforeEach(resetDatabase);

  it("needs the current password and keeps the typed address on error", async () => {
    const user = await createUser();
    const fields = { intent: "email", newEmail: "new-address@example.com", emailCurrentPassword: "Wrong-password-1!" };
    const reply = replyOf(await run(await formRequest(PATH, fields, { userId: user.id })));
    expect(reply.result.error?.emailCurrentPassword).toEqual(["The current password is not correct."]);
    expect(reply.result.initialValue?.newEmail).toBe("new-address@example.com");
    expect(reply.result.initialValue?.emailCurrentPassword).toBeUndefined();
    expect(await prisma.verification.count()).toBe(0);
  });

  it("refuses an address another account uses, as a field error", async () => {
    const user = await createUser();
    await createUser({ email: "taken@example.com" });
    const fields = { intent: "email", newEmail: "Taken@Example.com", emailCurrentPassword: TEST_PASSWORD };
    const reply = replyOf(await run(await formRequest(PATH, fields, { userId: user.id })));
    expect(reply.result.error?.newEmail).toEqual(["Another account already uses this address."]);
  });

  it("changes the address only when the signed-in owner opens the link, once", async () => {
    const user = await createUser();
    const { cookie } = await sessionCookie(user.id);
    const fields = { intent: "email", newEmail: "Fresh@Example.com", emailCurrentPassword: TEST_PASSWORD };
    const res = (await run(await formRequest(PATH, fields, { cookie }))) as Response;
    expect(res.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const mail = await latestMailTo("fresh@example.com");
    const link = /https?:\/\/\S+(\/account\/security\/confirm-email\?token=\S+)/.exec(mail?.text ?? "")?.[1];
    expect(link).toBeTruthy();
    expect((await latestMailTo(user.email))?.subject).toContain("change of your Verso e-mail address");

    // Signed out: sent to log in first, nothing changes.
    const signedOut = (await settle(() =>
      confirmLoader({ request: new Request(`http://localhost${link}`), params: {}, context: context() }),
    )) as Response;
    expect(signedOut.headers.get("Location")).toBe(`/auth/login?${new URLSearchParams({ redirectTo: link! })}`);
    // Another signed-in person cannot use (or spend) it.
    const intruder = await createUser();
    const intruderAttempt = (await settle(async () =>
      confirmLoader({ request: await getRequest(link!, { userId: intruder.id }), params: {}, context: context() }),
    )) as Response;
    expect(intruderAttempt.headers.get("Location")).toBe(PATH);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: intruder.id } })).email).toBe(intruder.email);

    const confirmed = (await settle(async () =>
      confirmLoader({ request: await getRequest(link!, { cookie }), params: {}, context: context() }),
    )) as Response;
    expect(confirmed.headers.get("Location")).toBe(PATH);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe("fresh@example.com");
    expect(after.emailVerifiedAt).not.toBeNull();
    expect((await latestMailTo(user.email))?.subject).toBe("Your Verso e-mail address was changed");
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.email_changed" } })).toBe(1);

    // Second use of the same link: refused, nothing else changes.
    await prisma.user.update({ where: { id: user.id }, data: { email: "moved-on@example.com" } });
    await settle(async () => confirmLoader({ request: await getRequest(link!, { cookie }), params: {}, context: context() }));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("moved-on@example.com");
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.email_changed" } })).toBe(1);
  });

  it("refuses a POST without a CSRF token with 403 and changes nothing", async () => {
    const user = await createUser();
    const fields = {
      intent: "password",
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    };
    const res = (await run(await formRequest(PATH, fields, { userId: user.id, csrf: false }))) as Response;
    expect(res.status).toBe(403);
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await verifyPassword(stored.hash, TEST_PASSWORD)).toBe(true);
  });
});
