// A unique index that a concurrent write won between our check and our insert (Prisma P2002),
// recognised by its constraint name, so the loser gets the same DomainError as the check gives.
import { DomainError } from "~/domains/errors";

export function violatedConstraint(error: unknown): string | null {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return null;
  const text = `${JSON.stringify((error as { meta?: unknown }).meta ?? {})} ${String((error as Error).message)}`;
  return /\b([A-Za-z]+_[A-Za-z]+_key)\b/.exec(text)?.[1] ?? null;
}

/** Run `work`; a unique violation of `constraint` becomes `slug_taken`. */
export async function slugRace<T>(constraint: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (violatedConstraint(error) === constraint) throw new DomainError("slug_taken", "This slug is already in use");
    throw error;
  }
}
