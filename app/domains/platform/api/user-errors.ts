// Which body field a refusal of the identity domain belongs to, for the API's 422 problems.
import type { DomainError } from "~/domains/errors";
import type { ProblemError } from "./problem";

const FIELD_OF: Record<string, string> = {
  email_taken: "email",
  unknown_role: "roles",
  role_not_grantable: "roles",
  self_deactivate: "status",
  last_admin: "status",
};

/** The 422 error entry for a domain refusal, or `null` when it is not about a field the API accepts. */
export function userFieldError(error: DomainError): ProblemError | null {
  const field = FIELD_OF[error.code];
  return field ? { field, code: error.code, message: error.message } : null;
}
