import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachFuzzyTerm, prefixRange } from '../../../src/search/fuzzy-terms';

/** Edit distance with adjacent transpositions (optimal string alignment), the slow obvious way. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min(
        (above[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (above[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/** A term matches when the query is within reach of the term or of one of its prefixes. */
function bruteForce(terms: readonly string[], query: string, maxEdits: number): string[] {
  return terms.filter((term) => {
    for (let length = 0; length <= term.length; length++)
      if (osa(term.slice(0, length), query) <= maxEdits) return true;
    return false;
  });
}

function walk(terms: readonly string[], query: string, maxEdits: number): string[] {
  const found: string[] = [];
  forEachFuzzyTerm(terms, query, maxEdits, (index) => found.push(terms[index] ?? ''));
  return found;
}

describe('typo-tolerant term walk', () => {
  const terms = ['munchen', 'munchhausen', 'munster', 'mannheim', 'berlin', 'bern', 'utrecht', 'utrechtse'].sort();

  it('finds typos, transpositions and unfinished words', () => {
    expect(walk(terms, 'munhcen', 1)).toEqual(['munchen']);
    expect(walk(terms, 'mnchen', 1)).toEqual(['munchen']);
    expect(walk(terms, 'utreht', 1)).toEqual(['utrecht', 'utrechtse']);
    expect(walk(terms, 'berl', 1)).toEqual(['berlin', 'bern']);
  });

  it('agrees with the brute-force definition on random vocabularies', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 60 }),
        word,
        fc.integer({ min: 1, max: 2 }),
        (vocabulary, query, edits) => {
          const sorted = [...vocabulary].sort();
          expect(walk(sorted, query, edits)).toEqual(bruteForce(sorted, query, edits));
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('gives the range of terms with a prefix', () => {
    const [from, to] = prefixRange(terms, 'mun');
    expect(terms.slice(from, to)).toEqual(['munchen', 'munchhausen', 'munster']);
  });
});
