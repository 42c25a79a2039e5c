// /api/v1/orders — GET: orders, newest first, cursor-paginated, filtered by status and placement
// time, each with its items, totals and refunds; sparse fields (scope orders:read). Read-only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { decodeCursor } from "~/domains/platform/api/cursor";
import { pickFields } from "~/domains/platform/api/fields";
import { handleApi, methodNotAllowed, parseParams, queryOf } from "~/domains/platform/api/handler.server";
import { listOrdersPage } from "~/domains/platform/api/order-api.server";
import { ApiOrderListSchema, ApiSparseOrderListSchema, ListOrdersQuerySchema } from "~/domains/platform/api/order-schemas";
import { apiJson } from "~/domains/platform/api/responses.server";

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "orders:read", async ({ request }) => {
    const query = parseParams(request, ListOrdersQuerySchema, queryOf(request));
    const page = await listOrdersPage({
      after: query.cursor ? decodeCursor(query.cursor) : null,
      limit: query.limit,
      status: query.status,
      since: query.since ? new Date(query.since) : undefined,
    });
    if (!query.fields) return apiJson(request, ApiOrderListSchema, { data: page.items, next_cursor: page.nextCursor });
    const data = page.items.map((order) => pickFields(order, query.fields));
    return apiJson(request, ApiSparseOrderListSchema, { data, next_cursor: page.nextCursor });
  });
}

export function action(args: ActionFunctionArgs) {
  return methodNotAllowed(args);
}
