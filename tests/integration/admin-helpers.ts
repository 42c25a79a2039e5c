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

export async function rolesOf(userId: string) {
  const rows = await prisma.userRole.findMany({ where: { userId }, select: { role: { select: { name: true } } } });
  return rows.map((r) => r.role.name).sort();
}
