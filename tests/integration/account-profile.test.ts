// /account (profile) and /account/security/sessions through the real route modules.
import { beforeEach, describe, expect, it } from "vitest";
import { sessionHandle } from "~/domains/identity/account-sessions.server";
import { getSessionUser } from "~/domains/identity/sessions.server";
import { localeCookie } from "~/infra/cookies.server";
import { prisma } from "~/infra/db.server";
import { action as profileAction, loader as profileLoader } from "~/routes/account+/_index";
import { action as sessionsAction, loader as sessionsLoader } from "~/routes/account+/security.sessions";
import { createUser } from "../factories/users";
import { context, formRequest, getRequest, sessionCookie, settle } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

describe("profile", () => {
  beforeEach(resetDatabase);

  it("shows the account with the member-since date in the viewer's time zone", async () => {
    const user = await createUser({ roles: ["user", "blogger"] });
    await prisma.user.update({
      where: { id: user.id },
      data: { createdAt: new Date("2024-01-15T23:30:00Z"), timeZone: "Asia/Tokyo" },
    });
    const data = await profileLoader({
      request: await getRequest("/account", { userId: user.id }),
      params: {},
      context: context(),
    });
    expect(data.profile.email).toBe(user.email);
    expect(data.profile.emailVerified).toBe(true);
    expect(data.profile.roles).toEqual(["blogger", "user"]);
    expect(data.profile.memberSince).toContain("Jan 16, 2024"); // 08:30 the next day in Tokyo
    expect(data.timeZones[0]).toBe("UTC");
    expect(data.timeZones).toContain("Europe/Madrid");
  });

  it("refuses an unknown time zone and an empty name, keeping the values", async () => {
    const user = await createUser();
    const request = await formRequest("/account", { name: "", timeZone: "Mars/Olympus", locale: "en" }, { userId: user.id });
    const result = (await profileAction({ request, params: {}, context: context() })) as unknown as {
      data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.result.error.name).toEqual(["Enter your name."]);
    expect(result.data.result.error.timeZone).toEqual(["Choose a time zone from the list."]);
    expect(result.data.result.initialValue.timeZone).toBe("Mars/Olympus");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Test User");
  });

  it("saves name, time zone and language, and sets the language cookie", async () => {
    const user = await createUser();
    const request = await formRequest(
      "/account",
      { name: " Ada Lovelace ", timeZone: "America/New_York", locale: "es" },
      { userId: user.id },
    );
    const res = (await settle(() => profileAction({ request, params: {}, context: context() }))) as Response;
    expect(res.status).toBe(302);
    const lng = res.headers.getSetCookie().find((c) => c.startsWith("lng="));
    expect(await localeCookie.parse(lng!.split(";")[0])).toBe("es");
    const saved = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ name: "Ada Lovelace", timeZone: "America/New_York", locale: "es" });
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.profile_updated" } })).toBe(1);
  });
});

describe("sessions", () => {
  beforeEach(resetDatabase);

  it("lists active sessions with this device first and never exposes session ids", async () => {
    const user = await createUser();
    const other = await sessionCookie(user.id);
    const current = await sessionCookie(user.id);
    const data = await sessionsLoader({
      request: await getRequest("/account/security/sessions", { cookie: current.cookie }),
      params: {},
      context: context(),
    });
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions[0].current).toBe(true);
    expect(data.sessions[0].handle).toBe(sessionHandle(current.sessionId));
    expect(JSON.stringify(data)).not.toContain(current.sessionId);
    expect(JSON.stringify(data)).not.toContain(other.sessionId);
  });

  it("signs out one other session of the owner, but never another person's session", async () => {
    const user = await createUser();
    const intruder = await createUser();
    const victim = await sessionCookie(user.id);
    const target = await sessionCookie(user.id);
    const run = async (cookie: string, handle: string) =>
      settle(async () =>
        sessionsAction({
          request: await formRequest("/account/security/sessions", { intent: "revoke", session: handle }, { cookie }),
          params: {},
          context: context(),
        }),
      );
    const intruderCookie = (await sessionCookie(intruder.id)).cookie;
    await run(intruderCookie, sessionHandle(target.sessionId));
    expect(await getSessionUser(target.sessionId)).not.toBeNull();

    const res = (await run(victim.cookie, sessionHandle(target.sessionId))) as Response;
    expect(res.status).toBe(302);
    expect(await getSessionUser(target.sessionId)).toBeNull();
    expect(await getSessionUser(victim.sessionId)).not.toBeNull();
  });

  it("signs out of all other sessions and keeps this one", async () => {
    const user = await createUser();
    const a = await sessionCookie(user.id);
    const b = await sessionCookie(user.id);
    const current = await sessionCookie(user.id);
    const request = await formRequest("/account/security/sessions", { intent: "revoke-others" }, { cookie: current.cookie });
    await settle(() => sessionsAction({ request, params: {}, context: context() }));
    expect(await getSessionUser(a.sessionId)).toBeNull();
    expect(await getSessionUser(b.sessionId)).toBeNull();
    expect(await getSessionUser(current.sessionId)).not.toBeNull();
  });
});
