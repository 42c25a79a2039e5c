// The `users` report: the /admin/users list with its filters and order, one row per person,
// read through the identity domain in keyset pages.
import { listUsersKeysetPage, type ExportedUser, type UserKeysetCursor } from "~/domains/identity/user-export.server";
import type { CsvValue } from "./csv";
import type { ReportParams } from "./report-kinds";

export const USERS_COLUMNS = ["id", "name", "email", "roles", "status", "emailVerifiedAt", "createdAt", "lastLoginAt"] as const;

function toRecord(user: ExportedUser): CsvValue[] {
  return [
    user.id,
    user.name,
    user.email,
    user.roles.join("; "),
    user.status,
    user.emailVerifiedAt,
    user.createdAt,
    user.lastLoginAt,
  ];
}

export async function* usersReportPages(params: ReportParams["users"], pageSize: number): AsyncGenerator<CsvValue[][]> {
  let cursor: UserKeysetCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listUsersKeysetPage>> = await listUsersKeysetPage({
      query: params,
      cursor,
      limit: pageSize,
    });
    if (page.rows.length > 0) yield page.rows.map(toRecord);
    cursor = page.next;
  } while (cursor);
}
