/**
 * Only the fields a person actually changed. The server merges per field: an
 * unchanged field sent along with its old value would count as an edit and could
 * collide with someone else's real change of it (a false conflict). Arrays (a
 * note's goalIds, a case's household) are compared by value, objects in them
 * regardless of key order: a form hands back a new array each time, and a record
 * from the server may list an object's keys in another order.
 */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!sameValue(after[key], before[key])) changed[key] = after[key];
  }
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return canonical(a) === canonical(b);
  return a === b;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y)))
      : inner,
  );
}
