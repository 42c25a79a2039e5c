import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../app/generated/prisma/client.ts";

export function createSeedClient(connectionString: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 2 }) });
}
