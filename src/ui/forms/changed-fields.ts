/**
 * Only the fields a person actually changed. The server merges per field: an
 * unchanged field sent along with its old value would count as an edit and could
 * collide with someone else's real change of it (a false conflict). Arrays (a
 * note's goalIds) are compared by value: a form hands back a new array each time.
 */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!sameValue(after[key], before[key])) changed[key] = after[key];
  }
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
