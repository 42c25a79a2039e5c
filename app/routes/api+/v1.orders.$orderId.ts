// /api/v1/orders/{orderId} — GET: one order with its items, sparse fields, ETag (scope
// orders:read). PATCH: record fulfilment (carrier, tracking number) or delivery, optionally
// guarded by If-Match (scope orders:write).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ifMatchHolds, parseEtagList } from "~/domains/platform/api/etag";
import { pickFields } from "~/domains/platform/api/fields";
import { apiAction, handleApi, parseParams, queryOf } from "~/domains/platform/api/handler.server";
import { getApiOrder, orderEtag, orderFieldErrors, patchOrderFromApi } from "~/domains/platform/api/order-api.server";
import {
  ApiOrderSchema,
  ApiSparseOrderSchema,
  GetOrderQuerySchema,
  OrderParamsSchema,
  UpdateOrderBodySchema,
} from "~/domains/platform/api/order-schemas";
import { problemResponse } from "~/domains/platform/api/problem";
import { apiJson } from "~/domains/platform/api/responses.server";
import { handleApiWrite, parseBody, validationFailed } from "~/domains/platform/api/write.server";

const noSuchOrder = (request: Request, orderId: string) =>
  problemResponse(request, "not-found", { detail: `No order has the id ${orderId}.` });

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "orders:read", async ({ request, params }) => {
    const { orderId } = parseParams(request, OrderParamsSchema, params);
    const { fields } = parseParams(request, GetOrderQuerySchema, queryOf(request));
    const order = await getApiOrder(orderId);
    if (!order) return noSuchOrder(request, orderId);
    if (!fields) return apiJson(request, ApiOrderSchema, order);
    return apiJson(request, ApiSparseOrderSchema, pickFields(order, fields));
  });
}

export function action(args: ActionFunctionArgs) {
  return apiAction(args, {
    PATCH: (patchArgs) =>
      handleApiWrite(patchArgs, "orders:write", async ({ request, params, body, principal, clientIp }) => {
        const { orderId } = parseParams(request, OrderParamsSchema, params);
        const ifMatch = request.headers.get("If-Match");
        if (ifMatch !== null && parseEtagList(ifMatch) === null) {
          return problemResponse(request, "invalid-request", {
            detail: 'The If-Match header is malformed: send the ETag exactly as received, quotes included (or "*").',
            extensions: { errors: [{ parameter: "If-Match", message: "Not a list of entity tags." }] },
          });
        }
        const changes = parseBody(request, UpdateOrderBodySchema, body);
        try {
          const outcome = await patchOrderFromApi(orderId, changes, (etag) => ifMatch === null || ifMatchHolds(ifMatch, etag), {
            actorId: principal.user.id,
            ipAddress: clientIp,
          });
          if (outcome.kind === "not-found") return noSuchOrder(request, orderId);
          if (outcome.kind === "precondition-failed") {
            return problemResponse(request, "precondition-failed", {
              detail: `The order changed since that ETag; its current ETag is ${orderEtag(outcome.current)}. Read it again and re-apply your change.`,
            });
          }
          return apiJson(request, ApiOrderSchema, outcome.order);
        } catch (error) {
          const fieldErrors = orderFieldErrors(error);
          if (fieldErrors) validationFailed(request, fieldErrors);
          throw error;
        }
      }),
  });
}
