// The two-factor journey: enrol an authenticator app from the account area, see the backup codes
// once, sign in with a TOTP code, then with a backup code, and find that code spent afterwards.
import { generateTOTP } from "@epic-web/totp";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PASSWORD, latestEmail, linkIn, uniqueEmail } from "../fixtures/db";

const PERIOD = 30;

function currentStep() {
  return Math.floor(Date.now() / 1000 / PERIOD);
}

async function totp(secret: string) {
  return (await generateTOTP({ secret, algorithm: "SHA-1", period: PERIOD, digits: 6 })).otp;
}

/** A time step's code is accepted once: wait until the clock reaches a later step. */
async function waitForStepAfter(step: number) {
  while (currentStep() <= step) await new Promise((resolve) => setTimeout(resolve, 250));
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/auth/login");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
}

async function answerChallenge(page: Page, code: string) {
  await expect(page).toHaveURL(/\/auth\/mfa/);
  await page.getByLabel("Authentication code or backup code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("register, verify, log in, enrol MFA, then sign in with an authenticator code and with a backup code, which works once", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const user = { email: uniqueEmail("mfa"), password: E2E_PASSWORD };

  await page.goto("/auth/register");
  await page.getByLabel("Full name").fill("Mfa Person");
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Confirm password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const mail = await latestEmail(user.email, { subjectIncludes: "Confirm" });
  await page.goto(linkIn(mail.text, "/auth/verify-email"));
  await expect(page.getByText("Thank you, your e-mail address is verified.")).toBeVisible();
  await logOut(page);

  await logIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security/mfa");
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor authentication" })).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();

  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // A wrong code first: the error sits next to the field and MFA stays off.
  await page.getByLabel("Authenticator code").fill("12345");
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page.getByText("The code has 6 digits.")).toBeVisible();

  const enrolStep = currentStep();
  await page.getByLabel("Authenticator code").fill(await totp(secret));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page.getByRole("heading", { name: "Your backup codes" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  const codes = await page.getByTestId("backup-code").allInnerTexts();
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);

  // Shown once: a reload no longer has them.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  await expect(page.getByTestId("backup-codes")).toHaveCount(0);
  await expect(page.getByTestId("mfa-status")).toContainText("10 backup codes left.");
  await logOut(page);

  // Password, then the authenticator code (a later step than the one that confirmed the device).
  await logIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/auth\/mfa/);
  await waitForStepAfter(enrolStep);
  await answerChallenge(page, await totp(secret));
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await logOut(page);

  // Password, then a backup code.
  await logIn(page, user.email, user.password);
  await answerChallenge(page, codes[0]);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await logOut(page);

  // The same backup code again: refused.
  await logIn(page, user.email, user.password);
  await answerChallenge(page, codes[0]);
  await expect(page).toHaveURL(/\/auth\/mfa/);
  await expect(page.getByText(/That code is not valid/)).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/auth\/login/);
});
