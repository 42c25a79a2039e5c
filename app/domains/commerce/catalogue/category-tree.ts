// Pure helpers for the nested categories: cycle detection and the indented, ordered outline.
export type CategoryNode = { id: string; name: string; slug: string; parentId: string | null; position: number };

/** Would giving `categoryId` the parent `parentId` make a loop (itself or one of its descendants)? */
export function wouldCreateCycle(
  categories: Array<Pick<CategoryNode, "id" | "parentId">>,
  categoryId: string,
  parentId: string | null,
): boolean {
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  let current = parentId;
  const seen = new Set<string>();
  while (current) {
    if (current === categoryId) return true;
    if (seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}

/** Depth-first outline (children after their parent, by position then name) with each depth. */
export function outline<T extends CategoryNode>(categories: T[]): Array<T & { depth: number }> {
  const children = new Map<string | null, T[]>();
  for (const c of categories) {
    const key = c.parentId && categories.some((p) => p.id === c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const result: Array<T & { depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const c of children.get(parentId) ?? []) {
      result.push({ ...c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** Ids of a category and everything below it. */
export function descendantIds(categories: Array<Pick<CategoryNode, "id" | "parentId">>, rootId: string): string[] {
  const result = [rootId];
  for (let i = 0; i < result.length; i += 1) {
    for (const c of categories) if (c.parentId === result[i]) result.push(c.id);
  }
  return result;
}
