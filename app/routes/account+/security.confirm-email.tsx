// /account/security/confirm-email?token=… — the link sent to the new address. It applies the
// change only for the signed-in owner (signed out: log in first, then come back here), once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domains/errors";
import { confirmEmailChange } from "~/domains/identity/email-change.server";
import { requireUser } from "~/domains/identity/guards.server";
import { redirectWithToast } from "~/infra/flash.server";
import { identityT } from "./account-forms.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await identityT(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const failure = (key: string) => redirectWithToast(request, "/account/security", { kind: "error", message: t(key) });
  if (!token || token.length > 200) return failure("account.email.errors.invalidLink");
  try {
    const { email } = await confirmEmailChange({ userId: user.id, token, ipAddress: context.clientIp });
    return redirectWithToast(request, "/account/security", { kind: "success", message: t("account.email.changed", { email }) });
  } catch (error) {
    if (isDomainError(error, "invalid_token")) return failure("account.email.errors.invalidLink");
    if (isDomainError(error, "email_taken")) return failure("account.email.errors.takenNow");
    throw error;
  }
}
