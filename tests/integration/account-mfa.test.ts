// /account/security/mfa: enrol, confirm, backup codes shown once, regenerate, turn off.
import { generateTOTP } from "@epic-web/totp";
import { beforeEach, describe, expect, it } from "vitest";
import { hashBackupCode } from "~/domains/identity/backup-codes";
import { renderQrSvg } from "~/domains/identity/mfa-enrolment.server";
import { getSessionUser } from "~/domains/identity/sessions.server";
import { decryptSecret } from "~/infra/crypto.server";
import { prisma } from "~/infra/db.server";
import { action, loader } from "~/routes/account+/security.mfa";
import { createUser } from "../factories/users";
import { context, formRequest, getRequest, sessionCookie, settle } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

const PATH = "/account/security/mfa";

type LoaderData = { view: { status: string; secret?: string; qrSvg?: string }; backupCodes: string[] | null };

async function post(fields: Record<string, string>, cookie: string) {
  return settle(async () => action({ request: await formRequest(PATH, fields, { cookie }), params: {}, context: context() }));
}

async function load(cookie: string) {
  const result = (await loader({ request: await getRequest(PATH, { cookie }), params: {}, context: context() })) as unknown as {
    data: LoaderData;
    init: { headers?: Headers } | null;
  };
  return { ...result.data, headers: result.init?.headers };
}

async function currentCode(userId: string) {
  const device = await prisma.totpDevice.findUniqueOrThrow({ where: { userId } });
  return (await generateTOTP({ secret: decryptSecret(device.secret), algorithm: "SHA-1", period: 30, digits: 6 })).otp;
}

async function wrongCode(userId: string) {
  return String((Number(await currentCode(userId)) + 500_000) % 1_000_000).padStart(6, "0");
}

/** Each code's time step is accepted once; pretend the clock moved on to the next step. */
async function nextStep(userId: string) {
  await prisma.totpDevice.update({ where: { userId }, data: { lastUsedStep: null } });
}

function cookieHeader(res: Response, ...names: string[]) {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => names.some((name) => c.startsWith(`${name}=`)))
    .join("; ");
}

describe("MFA enrolment", () => {
  beforeEach(resetDatabase);

  it("enrols, confirms with a code, stores ten hashed backup codes, shows them once and rotates the session", async () => {
    const user = await createUser();
    const session = await sessionCookie(user.id);
    expect((await load(session.cookie)).view.status).toBe("off");

    expect(((await post({ intent: "start" }, session.cookie)) as Response).status).toBe(302);
    const device = await prisma.totpDevice.findUniqueOrThrow({ where: { userId: user.id } });
    expect(device.confirmedAt).toBeNull();
    const pending = await load(session.cookie);
    expect(pending.view.status).toBe("pending");
    expect(device.secret).not.toContain(pending.view.secret!); // encrypted at rest
    expect(decryptSecret(device.secret)).toBe(pending.view.secret);
    expect(pending.view.qrSvg).toMatch(/^<svg /);
    expect(pending.view.qrSvg).not.toMatch(/style=|<script/i);

    const wrong = (await post({ intent: "confirm", code: await wrongCode(user.id) }, session.cookie)) as unknown as {
      data: { result: { error: Record<string, string[]> } };
    };
    expect(wrong.data.result.error.code).toEqual(["That code is not valid. Enter the current code from your app."]);
    expect((await prisma.totpDevice.findUniqueOrThrow({ where: { userId: user.id } })).confirmedAt).toBeNull();

    const confirmed = (await post({ intent: "confirm", code: await currentCode(user.id) }, session.cookie)) as Response;
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(PATH);
    expect(await getSessionUser(session.sessionId)).toBeNull(); // rotated
    const nextCookie = cookieHeader(confirmed, "__session", "__backup_codes");
    expect(nextCookie).toContain("__session=");
    expect(nextCookie).toContain("__backup_codes=");

    const rows = await prisma.backupCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    const shown = await load(nextCookie);
    expect(shown.view.status).toBe("on");
    expect(shown.backupCodes).toHaveLength(10);
    expect(new Set(rows.map((row) => row.codeHash))).toEqual(new Set(shown.backupCodes!.map(hashBackupCode)));
    expect(rows.every((row) => !shown.backupCodes!.includes(row.codeHash))).toBe(true);
    expect(shown.headers?.get("Set-Cookie")).toMatch(/^__backup_codes=;.*Max-Age=0/);
    expect(shown.headers?.get("Cache-Control")).toBe("no-store");

    // The one-shot cookie is bound to the user: someone else's session cannot read it.
    const other = await createUser();
    const otherCookie = `${(await sessionCookie(other.id)).cookie}; ${nextCookie.split("; ").find((c) => c.startsWith("__backup_codes="))}`;
    expect((await load(otherCookie)).backupCodes).toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.mfa_enabled" } })).toBe(1);
  });

  it("regenerates backup codes only with a valid code and shows the new ones in the response", async () => {
    const user = await createUser();
    const { cookie } = await sessionCookie(user.id);
    await post({ intent: "start" }, cookie);
    const confirmed = (await post({ intent: "confirm", code: await currentCode(user.id) }, cookie)) as Response;
    const signedIn = cookieHeader(confirmed, "__session");
    const oldHashes = (await prisma.backupCode.findMany({ where: { userId: user.id } })).map((row) => row.codeHash);

    // The code that confirmed the device cannot be replayed.
    const replay = (await post({ intent: "regenerate", code: await currentCode(user.id) }, signedIn)) as unknown as {
      init: { status: number };
    };
    expect(replay.init.status).toBe(400);

    await nextStep(user.id);
    const fresh = (await post({ intent: "regenerate", code: await currentCode(user.id) }, signedIn)) as unknown as {
      data: { backupCodes: string[] };
    };
    expect(fresh.data.backupCodes).toHaveLength(10);
    const newHashes = (await prisma.backupCode.findMany({ where: { userId: user.id } })).map((row) => row.codeHash);
    expect(newHashes).toHaveLength(10);
    expect(newHashes.some((hash) => oldHashes.includes(hash))).toBe(false);
  });

  it("turns MFA off only with a valid code, deleting the device and the backup codes", async () => {
    const user = await createUser();
    const { cookie } = await sessionCookie(user.id);
    await post({ intent: "start" }, cookie);
    const confirmed = (await post({ intent: "confirm", code: await currentCode(user.id) }, cookie)) as Response;
    const signedIn = cookieHeader(confirmed, "__session");
    await nextStep(user.id);

    const refused = (await post({ intent: "disable", code: "12345" }, signedIn)) as unknown as {
      data: { result: { error: Record<string, string[]> } };
    };
    expect(refused.data.result.error.code).toEqual(["The code has 6 digits."]);
    await post({ intent: "disable", code: await wrongCode(user.id) }, signedIn);
    expect(await prisma.totpDevice.count({ where: { userId: user.id } })).toBe(1);

    const done = (await post({ intent: "disable", code: await currentCode(user.id) }, signedIn)) as Response;
    expect(done.status).toBe(302);
    expect(await prisma.totpDevice.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.backupCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.mfa_disabled" } })).toBe(1);
  });

  it("refuses a POST without a CSRF token with 403 and changes nothing", async () => {
    const user = await createUser();
    const res = (await settle(async () =>
      action({
        request: await formRequest(PATH, { intent: "start" }, { userId: user.id, csrf: false }),
        params: {},
        context: context(),
      }),
    )) as Response;
    expect(res.status).toBe(403);
    expect(await prisma.totpDevice.count()).toBe(0);
  });

  it("renders a QR code without style attributes or scripts", async () => {
    const svg = await renderQrSvg("otpauth://totp/Verso:a%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Verso");
    expect(svg.startsWith('<svg aria-hidden="true"')).toBe(true);
    expect(svg).not.toMatch(/style=|<script|\son[a-z]+=/i);
  });
});
