// `user.created` / `user.updated`: the one place that turns a person into an event payload, so
// sign-up, the admin pages, the account page and the API all send the same shape.
import type { Db, Tx } from "~/infra/db.server";
import type { WebhookUser } from "./catalog";
import { emitDomainEvent } from "./events.server";

const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  status: true,
  locale: true,
  timeZone: true,
  createdAt: true,
  updatedAt: true,
  roles: { select: { role: { select: { name: true } } } },
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  status: "active" | "deactivated";
  locale: string;
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
  roles: Array<{ role: { name: string } }>;
};

export function toWebhookUser(user: UserRow): WebhookUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    locale: user.locale,
    timeZone: user.timeZone,
    roles: user.roles.map(({ role }) => role.name).sort(),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** Read the person as the transaction sees them now and publish the event in that transaction. */
export async function emitUserEvent(tx: Db | Tx, type: "user.created" | "user.updated", userId: string) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: USER_FIELDS });
  return emitDomainEvent(tx, type, toWebhookUser(user));
}
