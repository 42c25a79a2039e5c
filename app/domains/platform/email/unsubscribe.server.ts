// Unsubscribing from marketing mail, by the signed token of the link in the e-mail (footer link or
// the List-Unsubscribe header's one-click URL). The address goes on the suppression list.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "../audit.server";
import { suppressAddress } from "./suppressions.server";
import { readUnsubscribeToken } from "./unsubscribe-token.server";

/** The address an unsubscribe link is for, or null when the token is not one of ours. */
export function unsubscribeTarget(token: string | null | undefined): { email: string } | null {
  const email = readUnsubscribeToken(token);
  return email ? { email } : null;
}

/** Throws DomainError("invalid_token") for a token we did not sign. */
export async function unsubscribe({
  token,
  via,
  ipAddress,
}: {
  token: string | null | undefined;
  via: "unsubscribe" | "one-click";
  ipAddress?: string | null;
}): Promise<{ email: string }> {
  const email = readUnsubscribeToken(token);
  if (!email) throw new DomainError("invalid_token", "This unsubscribe link is not valid");
  await suppressAddress({ email, reason: via });
  await recordAudit({
    actorId: null,
    action: "email.unsubscribed",
    entityType: "email_address",
    entityId: email,
    after: { via },
    ipAddress,
  });
  return { email };
}
