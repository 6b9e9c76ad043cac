/**
 * Typo-tolerant term lookup over the sorted term list, walked as if it were a trie: neighbouring
 * terms share their prefix, so the edit-distance rows of that prefix are reused, and a prefix that
 * is already too far from the query skips every term that starts with it (one binary search).
 * Distance is Levenshtein with adjacent transpositions ("munhcen" is one edit from "munchen"), and
 * a term matches when some prefix of it is within reach, because the user may not be done typing.
 */

/** First index in `sorted` whose term is ≥ `value`. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether `term` starts with the first `length` code units of `prefix`. */
function sharesPrefix(term: string, prefix: string, length: number): boolean {
  if (term.length < length) return false;
  for (let k = 0; k < length; k++) if (term.charCodeAt(k) !== prefix.charCodeAt(k)) return false;
  return true;
}

/**
 * The end of the run of terms from `from` on that start with the first `length` code units of
 * `prefix` (which `sorted[from]` does). Galloping from `from`: the run is usually short, so this
 * reads a few neighbours instead of binary-searching the whole list with a new string.
 */
export function prefixEnd(sorted: readonly string[], from: number, prefix: string, length: number): number {
  let step = 1;
  let low = from; // known to share the prefix
  while (from + step < sorted.length && sharesPrefix(sorted[from + step] ?? '', prefix, length)) {
    low = from + step;
    step *= 2;
  }
  let high = Math.min(from + step, sorted.length); // known not to share it, or the end
  while (low + 1 < high) {
    const mid = (low + high) >>> 1;
    if (sharesPrefix(sorted[mid] ?? '', prefix, length)) low = mid;
    else high = mid;
  }
  return high;
}

/** The index range of the terms that start with `prefix`. */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  return [lowerBound(sorted, prefix), lowerBound(sorted, `${prefix}\uffff`)];
}

/**
 * Calls `onMatch(index, distance)` for every term within `maxEdits` of the query or of which a
 * prefix is. Terms are compared by UTF-16 unit, which is what the folded Latin terms consist of.
 */
export function forEachFuzzyTerm(
  sorted: readonly string[],
  query: string,
  maxEdits: number,
  onMatch: (index: number, distance: number) => void,
): void {
  const width = query.length + 1;
  let rows = new Int32Array(width * 34);
  for (let j = 0; j < width; j++) rows[j] = j;
  const prefix: number[] = [];
  let valid = 0;
  let i = 0;
  outer: while (i < sorted.length) {
    const term = sorted[i] ?? '';
    let depth = 0;
    while (depth < valid && depth < term.length && prefix[depth] === term.charCodeAt(depth)) depth++;
    valid = depth;
    for (let d = depth + 1; d <= term.length; d++) {
      if ((d + 1) * width > rows.length) {
        const grown = new Int32Array(rows.length * 2);
        grown.set(rows);
        rows = grown;
      }
      const char = term.charCodeAt(d - 1);
      prefix[d - 1] = char;
      const row = d * width;
      const above = row - width;
      rows[row] = d;
      let best = d;
      for (let j = 1; j < width; j++) {
        const cost = query.charCodeAt(j - 1) === char ? 0 : 1;
        let value = Math.min(
          (rows[above + j] ?? 0) + 1,
          (rows[row + j - 1] ?? 0) + 1,
          (rows[above + j - 1] ?? 0) + cost,
        );
        if (d > 1 && j > 1 && char === query.charCodeAt(j - 2) && prefix[d - 2] === query.charCodeAt(j - 1)) {
          value = Math.min(value, (rows[row - 2 * width + j - 2] ?? 0) + 1);
        }
        rows[row + j] = value;
        if (value < best) best = value;
      }
      valid = d;
      const distance = rows[row + width - 1] ?? maxEdits + 1;
      if (distance <= maxEdits) {
        // The query is within reach of this prefix: every term that starts with it matches.
        const end = prefixEnd(sorted, i, term, d);
        for (let k = i; k < end; k++) onMatch(k, distance);
        i = end;
        continue outer;
      }
      if (best > maxEdits) {
        // No longer term with this prefix can come back within reach.
        valid = d - 1;
        i = prefixEnd(sorted, i, term, d);
        continue outer;
      }
    }
    i++;
  }
}
