// Password rules, shared by the browser (live hints) and the server (the verdict).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRule = "length" | "lowercase" | "uppercase" | "digit" | "symbol" | "notEmail" | "tooLong";

/** Every rule the password breaks (empty when it is acceptable). */
export function passwordProblems(password: string, email?: string): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push("length");
  if (password.length > PASSWORD_MAX_LENGTH) problems.push("tooLong");
  if (!/[a-z]/.test(password)) problems.push("lowercase");
  if (!/[A-Z]/.test(password)) problems.push("uppercase");
  if (!/[0-9]/.test(password)) problems.push("digit");
  if (!/[^A-Za-z0-9]/.test(password)) problems.push("symbol");
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) problems.push("notEmail");
  return problems;
}
