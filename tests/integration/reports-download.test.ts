// Downloading an export: only its requester (or a holder of read:export:any) gets the file, as a
// private attachment; anyone else gets 404, an expired one 410, one still in preparation 409.
import { beforeEach, describe, expect, it } from "vitest";
import { purgeExpiredPlatformRecords } from "~/domains/platform/jobs/retention.server";
import { prisma } from "~/infra/db.server";
import * as download from "~/routes/admin+/exports_.$exportId.download";
import { createUser } from "../factories/users";
import { drainOutbox } from "../setup/outbox";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { run, statusOf } from "./admin-helpers";
import { decodeUtf8, downloadAs, parseCsv, requestThroughAction, userWithPermissions } from "./reports-helpers";

let adminId: string;
let clerkId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "boss@example.com", name: "Zoe Boss", roles: ["admin"] })).id;
  clerkId = await userWithPermissions("clerk", ["read:admin:any", "create:export:own", "read:user:any"]);
});

async function readyExport(userId: string) {
  const exportId = await requestThroughAction(userId);
  await drainOutbox();
  return exportId;
}

describe("export downloads", () => {
  it("serves the requester the file as a private, non-sniffable attachment and audits it", async () => {
    const exportId = await readyExport(clerkId);
    const row = await prisma.reportExport.findUniqueOrThrow({ where: { id: exportId } });
    const response = await downloadAs(clerkId, exportId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="${row.fileName}"; filename*=UTF-8''${row.fileName}`,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Length")).toBe(String(row.byteSize));
    const rows = parseCsv(decodeUtf8(new Uint8Array(await response.arrayBuffer())));
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(["boss@example.com", "clerk@example.com"]);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "export.download" } })).toMatchObject({
      actorId: clerkId,
      entityType: "export",
      entityId: exportId,
      ipAddress: "203.0.113.7",
      after: { fileName: row.fileName, byteSize: row.byteSize },
    });
  });

  it("answers 404 to another person without read:export:any, and serves a holder of it", async () => {
    const exportId = await readyExport(clerkId);
    const otherClerk = await createUser({ email: "other@example.com", roles: ["clerk"] });
    const response = await downloadAs(otherClerk.id, exportId);
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Disposition")).toBeNull();
    expect((await downloadAs(clerkId, "no-such-export")).status).toBe(404);
    expect((await downloadAs(adminId, exportId)).status).toBe(200);
    expect(await prisma.auditLog.count({ where: { action: "export.download" } })).toBe(1);
  });

  it("answers 410 Gone once the file has expired, before and after the cleanup job", async () => {
    const exportId = await readyExport(clerkId);
    await prisma.reportExport.update({ where: { id: exportId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await downloadAs(clerkId, exportId)).status).toBe(410);
    await purgeExpiredPlatformRecords(new Date());
    expect(await prisma.reportExport.findUniqueOrThrow({ where: { id: exportId } })).toMatchObject({
      status: "expired",
      content: null,
    });
    const gone = await downloadAs(clerkId, exportId);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("Cache-Control")).toBe("private, no-store");
    // a stranger still learns nothing about it
    const stranger = await createUser({ email: "stranger@example.com", roles: ["clerk"] });
    expect((await downloadAs(stranger.id, exportId)).status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: "export.download" } })).toBe(0);
  });

  it("answers 409 while the export is being prepared", async () => {
    const exportId = await requestThroughAction(clerkId);
    expect((await downloadAs(clerkId, exportId)).status).toBe(409);
  });

  it("re-checks permissions: a signed-out visitor is sent to log in, a person without export rights gets 403", async () => {
    const exportId = await readyExport(clerkId);
    const anonymous = await run(download.loader, await getRequest(`/admin/exports/${exportId}/download`), { exportId });
    expect(statusOf(anonymous)).toBe(302);
    // the requester lost read:user:any since: the file is no longer theirs to read
    await prisma.rolePermission.deleteMany({ where: { role: { name: "clerk" }, permission: { entity: "user" } } });
    expect((await downloadAs(clerkId, exportId)).status).toBe(403);
    // and without create:export:own at all
    await prisma.rolePermission.deleteMany({ where: { role: { name: "clerk" } } });
    expect(
      statusOf(
        await run(download.loader, await getRequest(`/admin/exports/${exportId}/download`, { userId: clerkId }), { exportId }),
      ),
    ).toBe(403);
  });
});
