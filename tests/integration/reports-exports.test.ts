// Requesting and building CSV exports of /admin/users: the file holds exactly the rows the list
// shows for the same filters and order (read in keyset pages), Excel-safe (BOM, formula guard),
// the requester is e-mailed, and every permission is checked in the loader and the action.
import { beforeEach, describe, expect, it } from "vitest";
import { parseUserListQuery } from "~/domains/identity/user-admin-query";
import { listUsersForAdmin } from "~/domains/identity/user-admin.server";
import { generateReport } from "~/domains/platform/reports/generate-report.server";
import { MAX_PENDING_EXPORTS, requestExport } from "~/domains/platform/reports/exports.server";
import { generateReportJob } from "~/domains/platform/reports/report.jobs.server";
import { prisma } from "~/infra/db.server";
import * as exportsRoute from "~/routes/admin+/exports";
import * as users from "~/routes/admin+/users._index";
import { createUser } from "../factories/users";
import { drainOutbox } from "../setup/outbox";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase, rowCounts } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";
import { decodeUtf8, exportUsersCsv, parseCsv, postExport, requestThroughAction, userWithPermissions } from "./reports-helpers";

const HEADER = ["ID", "Name", "E-mail", "Roles", "Status", "E-mail verified at (UTC)", "Created at (UTC)", "Last login at (UTC)"];

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "boss@example.com", name: "Zoe Boss", roles: ["admin"] })).id;
});

async function seedPeople() {
  const ann = await createUser({ email: "ann@example.com", name: "Ann Archer", roles: ["blogger"] });
  const bob = await createUser({ email: "bob@annex.test", name: "Bob Brown", roles: ["user"], status: "deactivated" });
  const carl = await createUser({ email: "carl@example.com", name: "Carl Clay", roles: ["user"], verified: false });
  // ties on the sort columns and nulls, so the keyset pages must break ties exactly like the list
  await createUser({ email: "dee@example.com", name: "Ann Archer", roles: ["user", "commercial"] });
  await createUser({ email: "eve@example.com", name: "Eve Evans", roles: ["user"] });
  const sameMoment = new Date("2026-03-01T10:00:00.000Z");
  await prisma.user.updateMany({ where: { id: { in: [ann.id, bob.id] } }, data: { lastLoginAt: sameMoment } });
  await prisma.user.update({ where: { id: carl.id }, data: { lastLoginAt: new Date("2026-04-01T10:00:00.000Z") } });
}

describe("the users export", () => {
  it("holds the same rows, in the same order, as the list with the same filters and sort", async () => {
    await seedPeople();
    const searches = [
      "",
      "?sort=name",
      "?sort=name&dir=desc",
      "?sort=email&dir=desc",
      "?sort=lastLogin",
      "?sort=lastLogin&dir=asc",
      "?q=ANN",
      "?role=user&sort=name",
      "?status=deactivated",
      "?status=unverified",
      "?status=active&role=user&sort=email",
    ];
    for (const search of searches) {
      const params = new URLSearchParams(search);
      // what /admin/users shows (its loader, all on one page)
      const listed = await listUsersForAdmin(parseUserListQuery(params), 1000);
      const fromPage = payloadOf<{ users: Array<{ email: string }> }>(
        await run(users.loader, await getRequest(`/admin/users${search}`, { userId: adminId })),
      ).users.map((u) => u.email);
      expect(fromPage).toEqual(listed.items.map((u) => u.email));

      const { id } = await requestExport({ requesterId: adminId, kind: "users", params });
      // pages of one row: every pair of neighbours (ties included) sits across a keyset boundary
      const built = await generateReport({ exportId: id, signal: new AbortController().signal, pageSize: 1 });
      expect(built).toMatchObject({ rowCount: listed.total });
      const file = await prisma.reportExport.findUniqueOrThrow({ where: { id }, select: { content: true } });
      const [header, ...rows] = parseCsv(decodeUtf8(file.content!));
      expect(header).toEqual(HEADER);
      expect(
        rows.map((row) => row[2]),
        `export ${search || "(no filters)"}`,
      ).toEqual(fromPage);
      expect(rows.map((row) => row[0])).toEqual(listed.items.map((u) => u.id));
    }
  });

  it("writes every column: roles, status, ISO UTC times, empty for never", async () => {
    const dee = await createUser({ email: "dee@example.com", name: "Dee Dean", roles: ["user", "commercial"], verified: false });
    await prisma.user.update({
      where: { id: dee.id },
      data: { createdAt: new Date("2026-01-02T03:04:05.678Z"), lastLoginAt: null },
    });
    const { bytes } = await exportUsersCsv(adminId, { q: "dee@" });
    const [header, row, ...rest] = parseCsv(decodeUtf8(bytes));
    expect(header).toEqual(HEADER);
    expect(rest).toEqual([]);
    expect(row).toEqual([
      dee.id,
      "Dee Dean",
      "dee@example.com",
      "commercial; user",
      "active",
      "",
      "2026-01-02T03:04:05.678Z",
      "",
    ]);
  });

  it("starts with a UTF-8 BOM, ends records with CRLF, and neutralises formulas", async () => {
    await createUser({ email: "evil@example.com", name: '=HYPERLINK("http://evil.test","Click")' });
    await createUser({ email: "plus@example.com", name: "+1 (555) 0100, Ext. 3" });
    await createUser({ email: "at@example.com", name: "@admin Zoë" });
    const { bytes } = await exportUsersCsv(adminId, { sort: "email" });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decodeUtf8(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`);
    const names = Object.fromEntries(parseCsv(text).map((row) => [row[2], row[1]]));
    expect(names["evil@example.com"]).toBe(`'=HYPERLINK("http://evil.test","Click")`);
    expect(names["plus@example.com"]).toBe("'+1 (555) 0100, Ext. 3");
    expect(names["at@example.com"]).toBe("'@admin Zoë");
    expect(names["boss@example.com"]).toBe("Zoe Boss");
  });

  it("stores the file with its name, size, count and expiry, and e-mails the requester the link", async () => {
    await seedPeople();
    const before = Date.now();
    const exportId = await requestThroughAction(adminId, { status: "deactivated" });
    expect(await prisma.reportExport.findUniqueOrThrow({ where: { id: exportId } })).toMatchObject({
      status: "queued",
      kind: "users",
      requestedById: adminId,
      params: { q: "", role: "", status: "deactivated", sort: "created", dir: "desc" },
    });
    await drainOutbox();
    const done = await prisma.reportExport.findUniqueOrThrow({ where: { id: exportId } });
    expect(done).toMatchObject({ status: "ready", rowCount: 1, error: null, byteSize: done.content!.byteLength });
    expect(done.fileName).toMatch(/^users-\d{8}-\d{4}\.csv$/);
    const hours = (done.expiresAt!.getTime() - done.completedAt!.getTime()) / 3600_000;
    expect(hours).toBe(24);
    expect(done.completedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const mails = await prisma.emailMessage.findMany({ where: { template: "export-ready" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "boss@example.com", category: "transactional", status: "sent" });
    expect(mails[0].text).toContain(`/admin/exports/${exportId}/download`);
    expect(mails[0].text).toContain(done.fileName!);
  });

  it("never rebuilds a ready export, and a crashed running one starts again cleanly", async () => {
    await seedPeople();
    const { id } = await requestExport({ requesterId: adminId, kind: "users", params: {} });
    await drainOutbox();
    const first = await prisma.reportExport.findUniqueOrThrow({ where: { id } });
    // a duplicate delivery of the job
    const again = await generateReportJob.handler(
      { exportId: id },
      { eventId: "dup", attempt: 1, maxAttempts: 3, signal: new AbortController().signal },
    );
    expect(again).toEqual({ skipped: "export is ready" });
    expect(await prisma.reportExport.findUniqueOrThrow({ where: { id } })).toEqual(first);
    expect(await prisma.emailMessage.count({ where: { template: "export-ready" } })).toBe(1);

    // a worker died mid-way: the row says running with nothing stored
    const crashed = await requestExport({ requesterId: adminId, kind: "users", params: {} });
    await prisma.reportExport.update({
      where: { id: crashed.id },
      data: { status: "running", startedAt: new Date(Date.now() - 3600_000) },
    });
    await drainOutbox();
    expect(await prisma.reportExport.findUniqueOrThrow({ where: { id: crashed.id } })).toMatchObject({
      status: "ready",
      rowCount: 6,
    });
    expect(await prisma.emailMessage.count({ where: { template: "export-ready" } })).toBe(2);
  });

  it("a shutdown mid-export leaves it queued for the retry; the last failure marks it failed", async () => {
    const { id } = await requestExport({ requesterId: adminId, kind: "users", params: {} });
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      generateReportJob.handler({ exportId: id }, { eventId: "e", attempt: 1, maxAttempts: 3, signal: aborted.signal }),
    ).rejects.toThrow(/interrupted/);
    expect(await prisma.reportExport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "queued", content: null });
    await expect(
      generateReportJob.handler({ exportId: id }, { eventId: "e", attempt: 3, maxAttempts: 3, signal: aborted.signal }),
    ).rejects.toThrow(/interrupted/);
    expect(await prisma.reportExport.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      error: expect.stringContaining("interrupted"),
      content: null,
    });
    expect(await prisma.emailMessage.count()).toBe(0);
  });

  it("fails at once, without a file or an e-mail, when the requester lost the right to read users", async () => {
    const clerkId = await userWithPermissions("clerk", ["read:admin:any", "create:export:own", "read:user:any"]);
    const exportId = await requestThroughAction(clerkId);
    await prisma.rolePermission.deleteMany({ where: { role: { name: "clerk" }, permission: { entity: "user" } } });
    await drainOutbox();
    expect(await prisma.reportExport.findUniqueOrThrow({ where: { id: exportId } })).toMatchObject({
      status: "failed",
      content: null,
      error: "the requester no longer holds read:user:any",
    });
    expect(await prisma.outboxEvent.findFirstOrThrow({ where: { name: "generate_report" } })).toMatchObject({
      status: "dead",
      attempts: 1,
    });
    expect(await prisma.emailMessage.count()).toBe(0);
  });
});

describe("/admin/exports permissions", () => {
  it("the loader needs create:export:own", async () => {
    const blogger = await createUser({ email: "blog@example.com", roles: ["blogger"] });
    expect(statusOf(await run(exportsRoute.loader, await getRequest("/admin/exports", { userId: blogger.id })))).toBe(403);
    const anonymous = await run(exportsRoute.loader, await getRequest("/admin/exports"));
    expect(statusOf(anonymous)).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/auth\/login/);
  });

  it("the action refuses without create:export:own, without read:user:any, and without a CSRF token, changing nothing", async () => {
    const blogger = await createUser({ email: "blog@example.com", roles: ["blogger"] });
    const exporterOnly = await userWithPermissions("exporter", ["read:admin:any", "create:export:own"]);
    const counts = await rowCounts();
    expect(statusOf(await postExport(blogger.id, {}))).toBe(403);
    expect(statusOf(await postExport(exporterOnly, {}))).toBe(403);
    expect(
      statusOf(
        await run(exportsRoute.action, await formRequest("/admin/exports", { kind: "users" }, { userId: adminId, csrf: false })),
      ),
    ).toBe(403);
    expect(statusOf(await postExport(adminId, { kind: "invoices" }))).toBe(400);
    // sessions were created to sign the requests in; nothing else changed
    const after = await rowCounts();
    expect({ ...after, Session: 0 }).toEqual({ ...counts, Session: 0 });
    await expect(requestExport({ requesterId: exporterOnly, kind: "users", params: {} })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("requesting redirects with a toast, writes the export, its job and an audit row together", async () => {
    const result = await postExport(adminId, { q: "ann", role: "blogger", page: "4", csrf: "ignored" });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/admin/exports");
    expect((result as Response).headers.get("Set-Cookie")).toContain("__flash");
    const row = await prisma.reportExport.findFirstOrThrow();
    expect(row.params).toEqual({ q: "ann", role: "blogger", status: "", sort: "created", dir: "desc" });
    expect(await prisma.outboxEvent.findFirstOrThrow({ where: { name: "generate_report" } })).toMatchObject({
      queue: "reports",
      payload: { exportId: row.id },
    });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "export.request" } })).toMatchObject({
      actorId: adminId,
      entityType: "export",
      entityId: row.id,
      ipAddress: "203.0.113.7",
    });
  });

  it(`allows ${MAX_PENDING_EXPORTS} exports in preparation per person, even when requested at once`, async () => {
    const results = await Promise.all(Array.from({ length: MAX_PENDING_EXPORTS + 3 }, () => postExport(adminId, {})));
    expect(results.every((result) => statusOf(result) === 302)).toBe(true);
    expect(await prisma.reportExport.count()).toBe(MAX_PENDING_EXPORTS);
    await drainOutbox();
    expect(statusOf(await postExport(adminId, {}))).toBe(302);
    expect(await prisma.reportExport.count()).toBe(MAX_PENDING_EXPORTS + 1);
  });

  it("lists a person's own exports; read:export:any lists everyone's with the requester", async () => {
    const clerkId = await userWithPermissions("clerk", ["read:admin:any", "create:export:own", "read:user:any"]);
    const mine = await requestThroughAction(clerkId, { q: "x" });
    const theirs = await requestThroughAction(adminId);
    type ListData = {
      exports: Array<{ id: string; status: string; requestedBy: { email: string } | null }>;
      everyone: boolean;
      pending: boolean;
    };
    const clerkView = payloadOf<ListData>(
      await run(exportsRoute.loader, await getRequest("/admin/exports", { userId: clerkId })),
    );
    expect(clerkView.everyone).toBe(false);
    expect(clerkView.pending).toBe(true);
    expect(clerkView.exports.map((e) => e.id)).toEqual([mine]);
    const adminView = payloadOf<ListData>(
      await run(exportsRoute.loader, await getRequest("/admin/exports", { userId: adminId })),
    );
    expect(adminView.everyone).toBe(true);
    expect(adminView.exports.map((e) => [e.id, e.requestedBy?.email])).toEqual([
      [theirs, "boss@example.com"],
      [mine, "clerk@example.com"],
    ]);
    await drainOutbox();
    const settled = payloadOf<ListData>(await run(exportsRoute.loader, await getRequest("/admin/exports", { userId: clerkId })));
    expect(settled.pending).toBe(false);
    expect(settled.exports[0].status).toBe("ready");
  });
});
