/**
 * Only the fields a person actually changed. The server merges per field: an
 * unchanged field sent along with its old value would count as an edit and could
 * collide with someone else's real change of it (a false conflict).
 */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== before[key]) changed[key] = after[key];
  }
  return changed;
}
