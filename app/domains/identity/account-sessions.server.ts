// The signed-in person's own sessions, as the account area shows them. A session id is a bearer
// secret, so pages never carry it: each session is named by a short one-way handle instead.
import { createHash } from "node:crypto";
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { listSessions, revokeOtherSessions, revokeSession } from "./sessions.server";

export function sessionHandle(sessionId: string) {
  return createHash("sha256").update(`session-handle:${sessionId}`).digest("base64url").slice(0, 22);
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//i, "curl"],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** Browser and operating system names (proper nouns, not translated); null parts when unknown. */
export function summarizeUserAgent(userAgent: string | null | undefined): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  return { browser, system };
}

export async function listAccountSessions({ userId, currentSessionId }: { userId: string; currentSessionId: string }) {
  const sessions = await listSessions({ userId });
  return sessions
    .map((session) => ({
      handle: sessionHandle(session.id),
      current: session.id === currentSessionId,
      ipAddress: session.ipAddress,
      device: summarizeUserAgent(session.userAgent),
      userAgent: session.userAgent,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Sign out one of the user's other sessions. Throws DomainError "session_not_found" or "current_session". */
export async function revokeAccountSession({
  userId,
  currentSessionId,
  handle,
  ipAddress,
}: {
  userId: string;
  currentSessionId: string;
  handle: string;
  ipAddress?: string;
}) {
  const sessions = await listSessions({ userId });
  const target = sessions.find((session) => sessionHandle(session.id) === handle);
  if (!target) throw new DomainError("session_not_found", "No such active session");
  if (target.id === currentSessionId) throw new DomainError("current_session", "Use log out to end this session");
  if (!(await revokeSession({ userId, sessionId: target.id })))
    throw new DomainError("session_not_found", "No such active session");
  await recordAudit({
    actorId: userId,
    action: "user.session_revoked",
    entityType: "user",
    entityId: userId,
    after: { handle },
    ipAddress,
  });
}

export async function revokeAllOtherSessions({
  userId,
  currentSessionId,
  ipAddress,
}: {
  userId: string;
  currentSessionId: string;
  ipAddress?: string;
}) {
  const count = await revokeOtherSessions({ userId, keepSessionId: currentSessionId });
  if (count > 0) {
    await recordAudit({
      actorId: userId,
      action: "user.other_sessions_revoked",
      entityType: "user",
      entityId: userId,
      after: { count },
      ipAddress,
    });
  }
  return count;
}
