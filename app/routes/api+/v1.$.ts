// Any other /api/v1 path, with any method: a 404 problem (never the HTML not-found page).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/domains/platform/api/handler.server";

export function loader(args: LoaderFunctionArgs) {
  return notFound(args);
}

export function action(args: ActionFunctionArgs) {
  return notFound(args);
}
