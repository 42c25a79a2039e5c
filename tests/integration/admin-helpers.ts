// Shared by the admin integration tests: call a route's loader/action and read the outcome.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { prisma } from "~/infra/db.server";
import { context, settle } from "../setup/requests";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export async function run(fn: unknown, request: Request, params: Record<string, string> = {}) {
  return settle(async () => (fn as Handler)({ request, params, context: context() }));
}

type DataResult = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isData(value: unknown): value is DataResult {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  if (isData(result)) return result.init?.status ?? 200;
  return 200;
}

export function payloadOf<T = Record<string, unknown>>(result: unknown): T {
  return (isData(result) ? result.data : result) as T;
}

/** Row counts of every table, to prove a refused request changed nothing. */
export async function rowCounts() {
  const tables = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_verso_migrations' ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${tablename}"`);
    counts[tablename] = Number(row.n);
  }
  return counts;
}

export async function rolesOf(userId: string) {
  const rows = await prisma.userRole.findMany({ where: { userId }, select: { role: { select: { name: true } } } });
  return rows.map((r) => r.role.name).sort();
}
