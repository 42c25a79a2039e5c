// Shared by the reports tests: people with exactly the permissions a test needs, requesting an
// export through the real action, running its job, downloading and reading the CSV back.
import { expect } from "vitest";
import { prisma } from "~/infra/db.server";
import * as download from "~/routes/admin+/exports_.$exportId.download";
import * as exportsRoute from "~/routes/admin+/exports";
import { createUser } from "../factories/users";
import { drainOutbox } from "../setup/outbox";
import { formRequest, getRequest } from "../setup/requests";
import { run, statusOf } from "./admin-helpers";

/** A custom role holding exactly `keys`, given to a new person; returns that person's id. */
export async function userWithPermissions(name: string, keys: string[]) {
  const permissions = await prisma.permission.findMany();
  const wanted = permissions.filter((p) => keys.includes(`${p.action}:${p.entity}:${p.access}`));
  expect(wanted).toHaveLength(keys.length);
  await prisma.role.create({ data: { name, permissions: { create: wanted.map((p) => ({ permissionId: p.id })) } } });
  return (await createUser({ email: `${name}@example.com`, name: `Person ${name}`, roles: [name] })).id;
}

/** POST the "Export CSV" form as `userId`; returns the action's answer. */
export async function postExport(userId: string, fields: Record<string, string>) {
  return run(exportsRoute.action, await formRequest("/admin/exports", { kind: "users", ...fields }, { userId }));
}

/** Request an export through the action (must redirect) and return the new export's id. */
export async function requestThroughAction(userId: string, fields: Record<string, string> = {}) {
  const before = new Set((await prisma.reportExport.findMany({ select: { id: true } })).map((r) => r.id));
  const result = await postExport(userId, fields);
  expect(statusOf(result)).toBe(302);
  const created = (await prisma.reportExport.findMany({ select: { id: true } })).filter((r) => !before.has(r.id));
  expect(created).toHaveLength(1);
  return created[0].id;
}

export async function downloadAs(userId: string, exportId: string) {
  const result = await run(download.loader, await getRequest(`/admin/exports/${exportId}/download`, { userId }), { exportId });
  expect(result).toBeInstanceOf(Response);
  return result as Response;
}

/** Request, build and download a users export; returns the parsed CSV (header first). */
export async function exportUsersCsv(userId: string, fields: Record<string, string> = {}) {
  const exportId = await requestThroughAction(userId, fields);
  await drainOutbox();
  const response = await downloadAs(userId, exportId);
  expect(response.status).toBe(200);
  return { exportId, bytes: new Uint8Array(await response.arrayBuffer()), response };
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF records); drops a leading BOM. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && source[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

export function decodeUtf8(bytes: Uint8Array) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}
