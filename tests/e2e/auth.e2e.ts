// Sign-up and sign-in journeys, in both projects (JavaScript off and on).
import { expect, test, type Page } from "@playwright/test";
import { createUser, E2E_PASSWORD, latestEmail, linkIn, uniqueEmail } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";

const NEW_PASSWORD = "Fresh-journey-Pass42!";

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/auth/login");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("register, verify the e-mail from the link, log out and log in again", async ({ page }) => {
  const email = uniqueEmail("register");
  await page.goto("/auth/register");
  await page.getByLabel("Full name").fill("Rita Register");
  await page.getByLabel("E-mail address").fill(email.toUpperCase());
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Missing: an upper-case letter")).toBeVisible();
  await expect(page.getByLabel("E-mail address")).toHaveValue(email.toUpperCase());
  if (test.info().project.use.javaScriptEnabled === false) {
    // The server answered: it never sends a password back.
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  }

  await page.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
  await page.getByLabel("Confirm password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("Welcome to Verso!")).toBeVisible();

  const mail = await latestEmail(email, { subjectIncludes: "Confirm" });
  await page.goto(linkIn(mail.text, "/auth/verify-email"));
  await expect(page.getByText("Thank you, your e-mail address is verified.")).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByText("You have been logged out.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await logIn(page, email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("Welcome back, Rita Register.")).toBeVisible();
});

test("five wrong passwords lock the account, and then even the right one is refused", async ({ page }) => {
  const user = await createUser({ email: uniqueEmail("lockout") });
  for (let i = 0; i < 5; i++) {
    await logIn(page, user.email, "Not-the-password-1");
    await expect(page.getByRole("alert")).toBeVisible();
  }
  await logIn(page, user.email, user.password);
  await expect(page.getByRole("alert")).toContainText("This account is locked after too many failed attempts. Try again after");
  await expect(page).toHaveURL(/\/auth\/login/);
});

test("password reset: e-mailed link, new password, the old one stops working", async ({ page }) => {
  const user = await createUser({ email: uniqueEmail("reset") });
  await page.goto("/auth/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByRole("button", { name: "E-mail me a reset link" }).click();
  await expect(page.getByText(`If an account exists for ${user.email}`)).toBeVisible();

  const mail = await latestEmail(user.email, { subjectIncludes: "Reset" });
  const link = linkIn(mail.text, "/auth/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Confirm password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/auth\/login$/);
  await expect(page.getByText("Your password has been changed")).toBeVisible();

  await page.goto(link);
  await expect(page.getByText("This reset link is not valid")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new reset link" })).toBeVisible();

  await logIn(page, user.email, user.password);
  await expect(page.getByRole("alert")).toContainText("The e-mail address or password is not correct.");
  await logIn(page, user.email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
});

test("a login POST without a CSRF token is refused with 403 and starts no session", async ({ page }) => {
  const user = await createUser({ email: uniqueEmail("csrf") });
  await page.goto("/auth/login");
  const response = await page.request.post("/auth/login", {
    form: { email: user.email, password: user.password },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("__session=");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/auth\/login\?redirectTo=%2Faccount/);
});

test("sign in with a one-time code sent by e-mail", async ({ page }) => {
  const user = await createUser({ email: uniqueEmail("code"), name: "Cody Code" });
  await page.goto("/auth/login");
  await page.getByRole("link", { name: "E-mail me a sign-in code instead" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in with an e-mail code" })).toBeVisible();
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByRole("button", { name: "E-mail me a code" }).click();
  await expect(page).toHaveURL(/\/auth\/login\/code\/verify$/);
  await expect(page.getByText(`If an account exists for ${user.email}`)).toBeVisible();

  const mail = await latestEmail(user.email, { subjectIncludes: "sign-in code" });
  const code = /\b(\d{6})\b/.exec(mail.text)![1];
  await page.getByLabel("Sign-in code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is not correct.")).toBeVisible();
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("Welcome back, Cody Code.")).toBeVisible();
});

test("the login and register pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/auth/login");
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/auth/register");
  await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
