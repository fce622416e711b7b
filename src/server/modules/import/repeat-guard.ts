/**
 * Notices a value a file gives twice (same owner, indicator and year) while the file streams by, so
 * that the database is asked for the repeats (to name both rows) only when there are some. One bit
 * per owner for each indicator and year seen: memory bounded by the registry and the catalogue,
 * not by the length of the file (a million values of 10,000 schools: a few hundred kilobytes).
 */
export type RepeatGuard = {
  /** Marks a value as given; true when it had been given before. */
  repeat: (
    owner: { schoolId: number | null; municipalityId: number | null },
    indicatorId: number,
    year: number,
  ) => boolean;
  /** Whether any value was given twice. */
  hasRepeats: () => boolean;
};

/** A fresh guard for one file. */
export function createRepeatGuard(): RepeatGuard {
  const owners = new Map<number, number>();
  const columns = new Map<number, Uint8Array>();
  let repeats = false;
  return {
    repeat(owner, indicatorId, year) {
      // Schools by their id, municipalities by their id negated: one numbering for both.
      const key = owner.schoolId ?? -(owner.municipalityId ?? 0);
      let index = owners.get(key);
      if (index === undefined) {
        index = owners.size;
        owners.set(key, index);
      }
      const columnKey = indicatorId * 100_000 + year;
      let bits = columns.get(columnKey);
      if (bits === undefined || bits.length * 8 <= index) {
        const grown = new Uint8Array(Math.max(64, (index >> 3) + 1, (bits?.length ?? 0) * 2));
        if (bits) grown.set(bits);
        bits = grown;
        columns.set(columnKey, bits);
      }
      const mask = 1 << (index & 7);
      const byte = index >> 3;
      const old = bits[byte] ?? 0;
      const seen = (old & mask) !== 0;
      bits[byte] = old | mask;
      if (seen) repeats = true;
      return seen;
    },
    hasRepeats: () => repeats,
  };
}
