// The e-mail log in the browser: search, open a failed message, see its HTML in a sandboxed frame
// that loads nothing remote (and runs no script), send it again; and the business profile settings
// with a field error that keeps the typed values. Pages pass axe.
import { expect, test } from "@playwright/test";
import { createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox";

test("an admin finds a failed e-mail, previews it safely and sends it again", async ({ page }) => {
  const admin = await createUser({ roles: ["admin"] });
  const tag = admin.id.slice(-8).toLowerCase();
  const to = `log-${tag}@example.com`;
  const id = `e2e${admin.id.slice(-20)}`;
  await db().query(
    `INSERT INTO "EmailMessage" ("id","to","from","subject","template","text","html","status","attempts","error","updatedAt")
     VALUES ($1,$2,'app@example.com',$3,'plain','Plain hello','<p style="color:#b91c1c">Rich <b>hello</b></p><img src="https://remote.example/track.png" alt="tracker"><script>parent.document.title="pwned"</script>','failed',6,'550 mailbox unavailable',now())`,
    [id, to, `Invoice ${tag}`],
  );
  // Requests to the remote host: any that got an answer, and those the frame's CSP blocked.
  const loaded: string[] = [];
  const blocked: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("remote.example")) loaded.push(response.url());
  });
  page.on("requestfailed", (request) => {
    if (request.url().includes("remote.example")) blocked.push(request.failure()?.errorText ?? "");
  });

  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/emails" });
  await expect(page.getByRole("heading", { level: 1, name: "E-mails" })).toBeVisible();
  await page.getByLabel("Recipient or subject").fill(to);
  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=failed/);
  const table = page.getByRole("table", { name: /Sent and queued e-mails/ });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  await table.getByRole("link", { name: `Invoice ${tag}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Invoice ${tag}` })).toBeVisible();
  await expect(page.getByText("550 mailbox unavailable")).toBeVisible();
  await expect(page.getByText("Plain hello")).toBeVisible();
  const frame = page.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(frame).toHaveAttribute("src", `/admin/emails/${id}/preview`);
  await expect(page.frameLocator("iframe").locator("b", { hasText: "hello" })).toBeVisible();
  await expect(page).not.toHaveTitle("pwned");
  await expect.poll(() => blocked).toEqual(["csp"]);
  expect(loaded).toEqual([]);
  // axe cannot run inside the sandboxed frame (no scripts there, by design): it checks the page around it.
  await expectNoSeriousA11yViolations(page, { exclude: ["iframe"] });

  const preview = await page.request.get(`/admin/emails/${id}/preview`);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-security-policy"]).toBe(PREVIEW_CSP);
  expect(preview.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(preview.headers()["content-type"]).toBe("text/html; charset=utf-8");

  await page.getByRole("button", { name: "Send again" }).click();
  await expect(page.getByText("The message is queued again.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send again" })).toHaveCount(0);
  await expect(page.getByText("550 mailbox unavailable")).toHaveCount(0);
});

test("an admin edits the business profile; a bad logo address is refused next to the field", async ({ page }) => {
  const admin = await createUser({ roles: ["admin"] });
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/settings" });
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The name stays "Verso": other journeys read subjects that carry it.
  await page.getByLabel("Business name").fill("Verso");
  await page.getByLabel("Logo URL").fill("http://cdn.example.com/logo.png");
  await page.getByLabel("Postal address").fill("1 Canal Street\nAmsterdam");
  await page.getByLabel("Support e-mail").fill("help@example.com");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter an https:// address.")).toBeVisible();
  await expect(page.getByLabel("Logo URL")).toHaveValue("http://cdn.example.com/logo.png");
  await expect(page.getByLabel("Support e-mail")).toHaveValue("help@example.com");

  await page.getByLabel("Logo URL").fill("https://cdn.example.com/logo.png");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByLabel("Logo URL")).toHaveValue("https://cdn.example.com/logo.png");
  await expect(page.getByLabel("Postal address")).toHaveValue("1 Canal Street\nAmsterdam");
  const { rows } = await db().query(`SELECT "logoUrl","supportEmail" FROM "BusinessProfile" WHERE "id" = 1`);
  expect(rows[0]).toEqual({ logoUrl: "https://cdn.example.com/logo.png", supportEmail: "help@example.com" });
});
