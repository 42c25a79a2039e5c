// The admin area end to end, with and without JavaScript: find a person, change their roles,
// deactivate them (their open session ends and they cannot sign in again), read the audit rows;
// a blogger gets a 403 page and a forged POST from them changes nothing.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { auditRows, createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

async function newProjectPage(browser: Browser) {
  const { javaScriptEnabled, baseURL } = test.info().project.use;
  const context = await browser.newContext({ javaScriptEnabled, baseURL });
  return { context, page: await context.newPage() };
}

async function rolesOf(userId: string) {
  const { rows } = await db().query(
    `SELECT r."name" FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."userId" = $1 ORDER BY 1`,
    [userId],
  );
  return rows.map((row: { name: string }) => row.name);
}

test("an admin finds a user, changes their role, deactivates them, and the audit log has both", async ({ page, browser }) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const admin = await createUser({ name: "Ada Admin", roles: ["admin"] });
  const suffix = admin.id.slice(-6);
  const target = await createUser({ name: `Terry Target ${suffix}`, roles: ["user"] });

  // the target is signed in elsewhere
  const elsewhere = await newProjectPage(browser);
  await loginAs(elsewhere.page, target.email, target.password);

  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/users" });
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByLabel("Name or e-mail").fill(target.email.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  const table = page.getByRole("table", { name: /Users, sorted by/ });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("link", { name: target.name }).click();

  await expect(page.getByRole("heading", { level: 1, name: target.name })).toBeVisible();
  await page.getByLabel("blogger", { exact: true }).check();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByText("Roles saved.")).toBeVisible();
  await expect(page.getByLabel("blogger", { exact: true })).toBeChecked();
  expect(await rolesOf(target.id)).toEqual(["blogger", "user"]);

  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByText(/Account deactivated; 1 session ended\./)).toBeVisible();
  await expect(page.getByText("This account is Deactivated.")).toBeVisible();

  const rows = await auditRows(target.id);
  expect(rows.map((row) => row.action)).toEqual(["user.roles.update", "user.deactivate"]);
  expect(rows[0]).toMatchObject({ actorId: admin.id, before: { roles: ["user"] }, after: { roles: ["blogger", "user"] } });
  expect(rows[1]).toMatchObject({
    actorId: admin.id,
    before: { status: "active" },
    after: { status: "deactivated", revokedSessions: 1 },
  });
  expect(rows[1].ipAddress).toBeTruthy();

  // the audit page shows the change in readable form
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}`);
  const audit = page.getByRole("table", { name: /Audit entries/ });
  await expect(audit.getByRole("row")).toHaveCount(3);
  await expect(audit.getByText("user.deactivate")).toBeVisible();
  await expect(audit.getByRole("link", { name: target.email }).first()).toBeVisible();

  // the session the target had is over, and they cannot sign in again
  await elsewhere.page.goto("/account");
  await expect(elsewhere.page).toHaveURL(/\/auth\/login/);
  await elsewhere.page.getByLabel("E-mail address").fill(target.email);
  await elsewhere.page.getByLabel("Password", { exact: true }).fill(target.password);
  await elsewhere.page.getByRole("button", { name: "Log in" }).click();
  await expect(elsewhere.page.getByText(/This account has been deactivated/)).toBeVisible();
  await expect(elsewhere.page).toHaveURL(/\/auth\/login/);
  await elsewhere.context.close();
  expect(consoleErrors.filter((text) => /hydrat|did not match|Minified React error/i.test(text))).toEqual([]);
});

test("an admin cannot deactivate themself or drop their own admin role", async ({ page }) => {
  const admin = await createUser({ roles: ["admin"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: `/admin/users/${admin.id}` });
  await expect(page.getByText("You cannot deactivate your own account.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Deactivate account" })).toHaveCount(0);
  await page.getByLabel("admin", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You cannot remove your own admin role" })).toBeVisible();
  expect(await rolesOf(admin.id)).toEqual(["admin"]);
});

test("a blogger gets a 403 page, and their forged POST changes nothing", async ({ page }) => {
  const blogger = await createUser({ roles: ["blogger"] });
  const target = await createUser({ roles: ["user"] });
  await loginAs(page, blogger.email, blogger.password);

  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Access denied" })).toBeVisible();
  await expect(page.getByText(target.email)).toHaveCount(0);

  // a real CSRF token from a page the blogger may open (the sign-out form)
  await page.goto("/account");
  const token = await page.locator('input[name="csrf"]').first().inputValue();
  expect(token).not.toBe("");
  const forms: Array<Record<string, string>> = [{ intent: "deactivate" }, { intent: "roles", roles: "admin" }];
  for (const form of forms) {
    const forged = await page.request.post(`/admin/users/${target.id}`, { form: { csrf: token, ...form }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
  }
  const { rows } = await db().query(`SELECT "status" FROM "User" WHERE "id" = $1`, [target.id]);
  expect(rows[0].status).toBe("active");
  expect(await rolesOf(target.id)).toEqual(["user"]);
  expect(await auditRows(target.id)).toEqual([]);
});

test("the users page has no serious accessibility violations and sorts without JavaScript", async ({ page }) => {
  const admin = await createUser({ name: "Axe Admin", roles: ["admin"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/users" });
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await nameHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
});

/** A role holding exactly `keys` (unique per test run, as both projects share the database). */
async function createRoleWith(name: string, keys: string[]) {
  const id = `e2erole${randomUUID().replace(/-/g, "").slice(0, 18)}`;
  await db().query(`INSERT INTO "Role" ("id","name","description") VALUES ($1,$2,'')`, [id, name]);
  await db().query(
    `INSERT INTO "RolePermission" ("roleId","permissionId")
     SELECT $1, "id" FROM "Permission" WHERE ("action" || ':' || "entity" || ':' || "access") = ANY($2::text[])`,
    [id, keys],
  );
}

test("a support person with update:user:any cannot make themself or anyone else an admin", async ({ page }) => {
  const role = `support-${randomUUID().slice(0, 8)}`;
  await createRoleWith(role, ["read:admin:any", "read:user:any", "update:user:any", "create:api-key:any"]);
  const support = await createUser({ roles: [role] });
  const target = await createUser({ roles: ["employee"] });
  await loginAs(page, support.email, support.password, { redirectTo: `/admin/users/${support.id}` });
  await expect(page.getByText("Roles with a permission you do not hold yourself are locked")).toBeVisible();
  await expect(page.getByLabel("admin", { exact: true })).toBeDisabled();
  await expect(page.getByLabel(role, { exact: true })).toBeEnabled();

  // what they may do still works, and a role they cannot give is kept when they save
  await page.goto(`/admin/users/${target.id}`);
  await expect(page.getByLabel("employee", { exact: true })).toBeDisabled(); // employee carries read:employee-portal:own
  await page.getByLabel("user", { exact: true }).check();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByText("Roles saved.")).toBeVisible();
  expect(await rolesOf(target.id)).toEqual(["employee", "user"]);

  // a forged form is refused by the server
  const token = await page.locator('input[name="csrf"]').first().inputValue();
  for (const userId of [support.id, target.id]) {
    const forged = await page.request.post(`/admin/users/${userId}`, {
      form: { csrf: token, intent: "roles", roles: "admin" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
  }
  expect(await rolesOf(support.id)).toEqual([role]);
  expect(await rolesOf(target.id)).toEqual(["employee", "user"]);
});

test("sign-in attempts show their reason in words, and the raw code for one it does not know", async ({ page }) => {
  const admin = await createUser({ roles: ["admin"] });
  const target = await createUser({ roles: ["user"] });
  for (const [reason, minutesAgo] of [
    ["wrong_password", 3],
    ["rate_limited", 2],
    ["some_future_code", 1],
  ] as const) {
    await db().query(
      `INSERT INTO "LoginAttempt" ("id","email","userId","ipAddress","success","reason","createdAt")
       VALUES ($1,$2,$3,'198.51.100.9',false,$4,now() - ($5 || ' minutes')::interval)`,
      [`e2eattempt${randomUUID().replace(/-/g, "").slice(0, 16)}`, target.email, target.id, reason, String(minutesAgo)],
    );
  }
  await loginAs(page, admin.email, admin.password, { redirectTo: `/admin/users/${target.id}` });
  const attempts = page.getByRole("table", { name: "Recent sign-in attempts" });
  await expect(attempts.getByRole("cell", { name: "Wrong password", exact: true })).toBeVisible();
  await expect(attempts.getByRole("cell", { name: "Too many attempts", exact: true })).toBeVisible();
  await expect(attempts.getByRole("cell", { name: "some_future_code", exact: true })).toBeVisible();
  await expect(attempts.getByText("wrong_password")).toHaveCount(0);
});
