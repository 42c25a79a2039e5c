// Roles, audit and the dev mailbox in the browser: create a role (duplicate name is a field error),
// grant it a permission, the admin role refuses to lose one, and the pages pass axe.
import { expect, test } from "@playwright/test";
import { createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

test("an admin creates a role, edits its permissions, and cannot strip the admin role", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const admin = await createUser({ roles: ["admin"] });
  const name = `support-${admin.id
    .slice(-6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/roles" });
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description").fill("Answers customers");
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText(`Role ${name} created.`)).toBeVisible();

  await page
    .getByRole("group", { name: "user" })
    .getByLabel(/^read \(any record\)/)
    .check();
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText(`Role ${name} saved.`)).toBeVisible();
  const { rows } = await db().query(
    `SELECT p."action" || ':' || p."entity" || ':' || p."access" AS key FROM "RolePermission" rp JOIN "Role" r ON r."id" = rp."roleId" JOIN "Permission" p ON p."id" = rp."permissionId" WHERE r."name" = $1`,
    [name],
  );
  expect(rows.map((row: { key: string }) => row.key)).toEqual(["read:user:any"]);

  await page.goto("/admin/roles");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText("A role with this name already exists.")).toBeVisible();

  await page.goto("/admin/roles/admin");
  await page
    .getByRole("group", { name: "audit" })
    .getByLabel(/^read \(any record\)/)
    .uncheck();
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The admin role must keep every permission" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/admin/audit?entityType=role&actor=${encodeURIComponent(admin.email)}`);
  await expect(page.getByRole("table", { name: /Audit entries/ }).getByText("role.create")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(errors.filter((text) => /hydrat|did not match|Minified React error/i.test(text))).toEqual([]);
});

test("the dashboard and the dev mailbox show real data, with the HTML part sanitized", async ({ page }) => {
  const admin = await createUser({ roles: ["admin"] });
  const to = `mail-${admin.id.slice(-6).toLowerCase()}@example.com`;
  const { rows } = await db().query(
    `INSERT INTO "EmailMessage" ("id","to","from","subject","template","text","html","status","updatedAt") VALUES ($1,$2,'app@example.com','Welcome aboard','plain','Plain hello','<p>Rich <b>hello</b></p><script>document.title="pwned"</script>','sent',now()) RETURNING "id"`,
    [`e2e${admin.id.slice(-20)}`, to],
  );
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin" });
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Users \d+$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/admin/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: "Welcome aboard" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/dev/mailbox/${rows[0].id}$`));
  await expect(page.getByText("Plain hello")).toBeVisible();
  await expect(page.locator("b", { hasText: "hello" })).toBeVisible();
  await expect(page.locator("main script")).toHaveCount(0);
  await expect(page).not.toHaveTitle("pwned");
});
