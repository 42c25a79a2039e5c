// Exports end to end, with and without JavaScript: from the filtered users list, "Export CSV"
// queues an export; /admin/exports shows it (with JavaScript it refreshes itself, without it the
// person uses Refresh) until it is ready; the download is the filtered list as CSV, and the
// requester got the "export ready" e-mail.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

test("an admin exports the filtered users list and downloads the CSV", async ({ page }) => {
  const jsEnabled = test.info().project.use.javaScriptEnabled !== false;
  const admin = await createUser({ name: "Ada Exporter", roles: ["admin"] });
  const suffix = admin.id.slice(-8);
  const target = await createUser({ name: `=Csv Person ${suffix}`, roles: ["user"] });

  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/users" });
  await page.getByLabel("Name or e-mail").fill(target.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await page.getByRole("button", { name: "Export CSV" }).click();

  await expect(page).toHaveURL(/\/admin\/exports$/);
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  await expect(page.getByText("Export requested.")).toBeVisible();
  const table = page.getByRole("table", { name: "Requested exports, newest first" });
  const row = table.getByRole("row").filter({ hasText: `Search: ${target.email}` });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("rowheader", { name: "Users" })).toBeVisible();

  const download = row.getByRole("link", { name: /^Download users-\d{8}-\d{4}\.csv$/ });
  if (jsEnabled) {
    // the page polls while the export is in preparation
    await expect(download).toBeVisible({ timeout: 20_000 });
  } else {
    await expect(async () => {
      const refresh = page.getByRole("link", { name: "Refresh" });
      if (await refresh.isVisible()) await refresh.click();
      await expect(download).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 20_000 });
  }
  await expect(row.getByText("Ready")).toBeVisible();
  await expect(page.getByRole("link", { name: "Refresh" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const downloading = page.waitForEvent("download");
  await download.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^users-\d{8}-\d{4}\.csv$/);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe("ID,Name,E-mail,Roles,Status,E-mail verified at (UTC),Created at (UTC),Last login at (UTC)");
  expect(lines[1]).toContain(`,'=Csv Person ${suffix},${target.email},user,active,`);

  const { rows } = await db().query(`SELECT "subject" FROM "EmailMessage" WHERE "to" = $1 AND "template" = 'export-ready'`, [
    admin.email,
  ]);
  expect(rows).toHaveLength(1);
  const { rows: audit } = await db().query(
    `SELECT "action" FROM "AuditLog" WHERE "actorId" = $1 AND "entityType" = 'export' ORDER BY "createdAt"`,
    [admin.id],
  );
  expect(audit.map((entry: { action: string }) => entry.action)).toEqual(["export.request", "export.download"]);
});

test("a person without export rights is refused the exports page and the download", async ({ page, browser }) => {
  const admin = await createUser({ name: "Ada Owner", roles: ["admin"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/users" });
  await page.getByRole("button", { name: "Export CSV" }).click();
  await expect(page).toHaveURL(/\/admin\/exports$/);
  const { rows } = await db().query(`SELECT "id" FROM "ReportExport" WHERE "requestedById" = $1`, [admin.id]);
  expect(rows).toHaveLength(1);

  const { javaScriptEnabled, baseURL } = test.info().project.use;
  const context = await browser.newContext({ javaScriptEnabled, baseURL });
  const other = await context.newPage();
  const blogger = await createUser({ name: "Bea Blogger", roles: ["blogger"] });
  await loginAs(other, blogger.email, blogger.password);
  const response = await other.request.get(`/admin/exports/${rows[0].id}/download`);
  expect(response.status()).toBe(403);
  const exportsPage = await other.goto("/admin/exports");
  expect(exportsPage?.status()).toBe(403);
  await context.close();
});
