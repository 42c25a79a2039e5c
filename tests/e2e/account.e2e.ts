// The account area: profile (time zone and language), sessions, and accessibility of its pages.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, db, latestEmail, linkIn, uniqueEmail } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/auth/login");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** Another browser (same project settings), signed in as the same person. */
async function otherBrowser(browser: Browser, email: string, password: string) {
  const { javaScriptEnabled, baseURL } = test.info().project.use;
  const context = await browser.newContext({ javaScriptEnabled, baseURL });
  const page = await context.newPage();
  await logIn(page, email, password);
  return { context, page };
}

test("profile: a new time zone shows dates in that zone, a new language switches the interface", async ({ page }) => {
  const user = await createUser({ name: "Zone Person" });
  await db().query(`UPDATE "User" SET "createdAt" = '2024-01-15T23:30:00Z' WHERE "id" = $1`, [user.id]);
  await logIn(page, user.email, user.password);

  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByTestId("profile-email")).toContainText(user.email);
  await expect(page.getByTestId("profile-email")).toContainText("verified");
  await expect(page.getByTestId("member-since")).toHaveText(/Jan 15, 2024, 11:30\sPM/);

  await page.getByLabel("Name", { exact: true }).fill("Zoned Person");
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile was saved.")).toBeVisible();
  await expect(page.getByTestId("member-since")).toHaveText(/Jan 16, 2024, 8:30\sAM/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Zoned Person");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");

  // An empty name is refused next to the field; the other values stay as typed.
  await page.getByLabel("Name", { exact: true }).fill("");
  await page.getByLabel("Time zone").selectOption("Europe/Madrid");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Madrid");

  await page.getByLabel("Name", { exact: true }).fill("Zoned Person");
  await page.getByLabel("Language", { exact: true }).first().selectOption("es");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tu perfil" })).toBeVisible();
  await expect(page.getByText("Tu perfil se ha guardado.")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});

test("sessions: lists this device, signs out one other session, then all the others", async ({ page, browser }) => {
  const user = await createUser({ name: "Many Devices" });
  const second = await otherBrowser(browser, user.email, user.password);
  const third = await otherBrowser(browser, user.email, user.password);
  try {
    await logIn(page, user.email, user.password);
    await page.goto("/account/security/sessions");
    const rows = page.getByTestId("session-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("This device");
    await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);

    await rows
      .nth(1)
      .getByRole("button", { name: /^Sign out/ })
      .click();
    await expect(page.getByText("That session was signed out.")).toBeVisible();
    await expect(rows).toHaveCount(2);

    await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
    await expect(page.getByText("1 other session was signed out.")).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(page.getByText("You are not signed in anywhere else.")).toBeVisible();

    for (const other of [second, third]) {
      await other.page.goto("/account");
      await expect(other.page).toHaveURL(/\/auth\/login\?redirectTo=%2Faccount/);
    }
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  } finally {
    await second.context.close();
    await third.context.close();
  }
});

test("the account pages have no serious accessibility violations", async ({ page }) => {
  const user = await createUser();
  await logIn(page, user.email, user.password);
  for (const path of ["/account", "/account/security", "/account/security/mfa", "/account/security/sessions"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test("password change: errors next to the fields without echoing passwords, then success signs in with the new one", async ({
  page,
}) => {
  const user = await createUser();
  await logIn(page, user.email, user.password);
  await page.goto("/account/security");
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Add an upper-case letter.")).toBeVisible();
  // The server never writes a password back into the page (with JavaScript the browser may keep what was typed).
  expect(await page.content()).not.toContain("not-the-password");
  if (test.info().project.use.javaScriptEnabled === false) await expect(page.getByLabel("Current password")).toHaveValue("");

  const fresh = "Another-Strong-Pass-77!";
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Repeat the new password").fill(fresh);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Every other session was signed out.")).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await logIn(page, user.email, fresh);
});

test("e-mail change: a duplicate address is refused, the link to the new address applies the change once", async ({ page }) => {
  const user = await createUser();
  const taken = await createUser();
  const fresh = uniqueEmail("moved");
  await logIn(page, user.email, user.password);
  await page.goto("/account/security");

  await page.getByLabel("New e-mail address").fill(taken.email);
  await page.getByLabel("Your password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByText("Another account already uses this address.")).toBeVisible();
  await expect(page.getByLabel("New e-mail address")).toHaveValue(taken.email);

  await page.getByLabel("New e-mail address").fill(fresh);
  await page.getByLabel("Your password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByText(`We sent a confirmation link to ${fresh}`)).toBeVisible();
  await expect(page.getByText(`Your address is ${user.email}`)).toBeVisible();

  const link = linkIn(
    (await latestEmail(fresh, { subjectIncludes: "Confirm your new e-mail" })).text,
    "/account/security/confirm-email",
  );
  await page.goto(link);
  await expect(page.getByText(`Your e-mail address is now ${fresh}.`)).toBeVisible();
  await expect(page.getByText(`Your address is ${fresh} (verified).`)).toBeVisible();
  await page.goto(link);
  await expect(page.getByText("This confirmation link is invalid, expired or already used.")).toBeVisible();
});
