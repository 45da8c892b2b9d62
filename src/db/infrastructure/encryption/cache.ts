// Values opened (or sealed) before, by record, with the IV of the blob they came
// from. A live query re-reads whole tables after every write; opening 10,000
// notes again each time was most of a save's and a first sync's time. Every write
// seals with a fresh random IV, so a blob whose IV matches is exactly the one
// remembered, whoever wrote it (another tab too). Callers get copies: Dexie's
// modify() edits what it reads. Held in memory only while the database is open,
// like the key itself.

type Value = Record<string, unknown>;

/** Per table: enough for every record of a large team's device, bounded all the same. */
export const MAX_REMEMBERED = 50_000;

export interface OpenedValues {
  /** Remembers a copy of `value` as what the blob with `iv` at `place` holds. */
  remember(place: string, iv: Uint8Array, value: Value): void;
  /** A copy of the value remembered for `place`, if it came from the blob with this `iv`. */
  recall(place: string, iv: Uint8Array): Value | undefined;
}

/** When `max` places are remembered, the next one starts afresh. */
export function createOpenedValues(max = MAX_REMEMBERED): OpenedValues {
  const opened = new Map<string, { iv: Uint8Array; value: Value }>();
  return {
    remember(place, iv, value) {
      if (opened.size >= max) opened.clear();
      opened.set(place, { iv, value: structuredClone(value) });
    },
    recall(place, iv) {
      const known = opened.get(place);
      return known && sameBytes(known.iv, iv) ? structuredClone(known.value) : undefined;
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
