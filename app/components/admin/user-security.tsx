// A person's account state as an admin sees it: status, second factor, sessions, recent sign-ins,
// with the buttons that change them (each its own small form with an intent).
import { useTranslation } from "react-i18next";
import { Table, Td } from "~/components/ui/table";
import { useFormatDateTime } from "./use-format-date";
import { IntentButton } from "~/components/ui/intent-button";

type DateValue = Date | string;

export function UserStatusControls({ status, isSelf, canUpdate }: { status: string; isSelf: boolean; canUpdate: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-2">
      <p>{t("users.account.statusIs", { status: t(`users.status.${status}`) })}</p>
      {!canUpdate ? null : isSelf ? (
        <p className="text-sm text-slate-700">{t("users.account.selfNote")}</p>
      ) : status === "active" ? (
        <>
          <p className="text-sm text-slate-700">{t("users.account.deactivateHelp")}</p>
          <IntentButton intent="deactivate" label={t("users.account.deactivate")} variant="danger" />
        </>
      ) : (
        <IntentButton intent="reactivate" label={t("users.account.reactivate")} />
      )}
    </div>
  );
}

export function MfaState({
  mfa,
  canUpdate,
}: {
  mfa: { enabled: boolean; pending: boolean; backupCodesLeft: number };
  canUpdate: boolean;
}) {
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-2">
      <p>
        {mfa.enabled
          ? t("users.mfa.enabled", { count: mfa.backupCodesLeft })
          : mfa.pending
            ? t("users.mfa.pending")
            : t("users.mfa.disabled")}
      </p>
      {canUpdate && (mfa.enabled || mfa.pending || mfa.backupCodesLeft > 0) ? (
        <>
          <p className="text-sm text-slate-700">{t("users.mfa.resetHelp")}</p>
          <IntentButton intent="resetMfa" label={t("users.mfa.reset")} variant="danger" />
        </>
      ) : null}
    </div>
  );
}

type SessionRow = {
  handle: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: DateValue;
  lastSeenAt: DateValue;
};

export function SessionsTable({ sessions, canUpdate }: { sessions: SessionRow[]; canUpdate: boolean }) {
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  if (sessions.length === 0) return <p className="text-slate-700">{t("users.sessions.empty")}</p>;
  return (
    <div className="space-y-3">
      <Table
        caption={t("users.sessions.title")}
        captionHidden
        columns={[
          { key: "device", label: t("users.sessions.device") },
          { key: "ip", label: t("users.sessions.ip") },
          { key: "started", label: t("users.sessions.started") },
          { key: "lastSeen", label: t("users.sessions.lastSeen") },
        ]}
      >
        {sessions.map((session) => (
          <tr key={session.handle}>
            <Td className="max-w-xs truncate">{session.userAgent ?? "—"}</Td>
            <Td>{session.ipAddress ?? "—"}</Td>
            <Td className="whitespace-nowrap">{formatDate(session.createdAt)}</Td>
            <Td className="whitespace-nowrap">{formatDate(session.lastSeenAt)}</Td>
          </tr>
        ))}
      </Table>
      {canUpdate ? <IntentButton intent="revokeSessions" label={t("users.sessions.revokeAll")} /> : null}
    </div>
  );
}

type AttemptRow = { id: string; ipAddress: string; success: boolean; reason: string; createdAt: DateValue };

export function LoginAttemptsTable({ attempts }: { attempts: AttemptRow[] }) {
  const { t } = useTranslation("admin");
  const formatDate = useFormatDateTime();
  if (attempts.length === 0) return <p className="text-slate-700">{t("users.attempts.empty")}</p>;
  return (
    <Table
      caption={t("users.attempts.title")}
      captionHidden
      columns={[
        { key: "time", label: t("users.attempts.time") },
        { key: "result", label: t("users.attempts.result") },
        { key: "reason", label: t("users.attempts.reason") },
        { key: "ip", label: t("users.attempts.ip") },
      ]}
    >
      {attempts.map((attempt) => (
        <tr key={attempt.id}>
          <Td className="whitespace-nowrap">{formatDate(attempt.createdAt)}</Td>
          <Td>{attempt.success ? t("users.attempts.success") : t("users.attempts.failure")}</Td>
          <Td>{t(`users.attempts.reasons.${attempt.reason}`, { defaultValue: attempt.reason })}</Td>
          <Td>{attempt.ipAddress}</Td>
        </tr>
      ))}
    </Table>
  );
}
