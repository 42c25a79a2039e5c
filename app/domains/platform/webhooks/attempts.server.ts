// Writing down what an attempt did: the attempt row, the delivery's state, and the endpoint's run
// of failures. An endpoint that fails AUTO_DISABLE_AFTER attempts in a row is switched off with
// the reason shown on its page; any success resets the count.
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import type { SendOutcome } from "./send.server";

export const AUTO_DISABLE_AFTER = 15;

export function isSuccessStatus(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

function failureText(outcome: Pick<SendOutcome, "status" | "error">) {
  return outcome.status !== null ? `HTTP ${outcome.status}` : (outcome.error ?? "no answer");
}

export async function recordDeliveryAttempt({
  deliveryId,
  endpointId,
  outcome,
  final,
}: {
  deliveryId: string;
  endpointId: string;
  outcome: SendOutcome;
  /** The last attempt the job will make: a failure now fails the delivery. */
  final: boolean;
}): Promise<{ succeeded: boolean; disabled: boolean }> {
  const succeeded = isSuccessStatus(outcome.status);
  return prisma.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId,
        requestHeaders: outcome.requestHeaders,
        responseStatus: outcome.status,
        responseBody: outcome.responseBody,
        error: outcome.error ?? (succeeded ? null : `HTTP ${outcome.status}`),
        durationMs: outcome.durationMs,
      },
      select: { id: true },
    });
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attempts: { increment: 1 },
        lastStatusCode: outcome.status,
        lastError: succeeded ? null : failureText(outcome),
        ...(succeeded
          ? { status: "succeeded", completedAt: new Date() }
          : final
            ? { status: "failed", completedAt: new Date() }
            : {}),
      },
      select: { id: true },
    });
    if (succeeded) {
      await tx.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { consecutiveFailures: 0 } });
      return { succeeded, disabled: false };
    }
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true, enabled: true },
    });
    if (!endpoint.enabled || endpoint.consecutiveFailures < AUTO_DISABLE_AFTER) return { succeeded, disabled: false };
    const reason =
      `Disabled after ${endpoint.consecutiveFailures} consecutive failed deliveries; last: ${failureText(outcome)}`.slice(0, 500);
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { enabled: false, disabledAt: new Date(), disabledReason: reason },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: null,
        action: "webhook.endpoint.auto_disable",
        entityType: "webhook_endpoint",
        entityId: endpointId,
        before: { enabled: true },
        after: { enabled: false, disabledReason: reason },
      },
      tx,
    );
    return { succeeded, disabled: true };
  });
}

/** A delivery that will not be sent (its endpoint was switched off); it can be redelivered later. */
export async function markDeliveryFailed(deliveryId: string, reason: string) {
  await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending" },
    data: { status: "failed", lastError: reason, completedAt: new Date() },
  });
}
