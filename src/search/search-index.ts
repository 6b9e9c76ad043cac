/**
 * The in-memory search index behind the one search box: missions, organisations, people, notes
 * (and any later kind). Exact, prefix and typo-tolerant matches, ranked and grouped by kind; kept
 * current one document at a time as the change log is followed, and saved and reopened whole.
 */
import { forEachFuzzyTerm, prefixRange } from './fuzzy-terms';
import { indexTerms, isCjkTerm, queryTokens, type QueryToken } from './tokens';

/** Missions, organisations, people, notes and country sheets. */
export type SearchKind = 'missions' | 'organisations' | 'people' | 'notes' | 'countrySheets' | (string & {});

/** What the index is given for one record. Only what is here is searchable. */
export interface SearchDoc {
  readonly kind: SearchKind;
  readonly id: string;
  /** Shown as the result, and weighed highest. */
  readonly title: string;
  /** Shown under the title; weighed second. */
  readonly subtitle?: string;
  /** Other names (a name in its own script): weighed as the title, not shown. */
  readonly names?: readonly string[];
  /** Descriptions and note text: found, but weighed lowest. */
  readonly body?: readonly string[];
  /** Not searched: handed back with the hit (a country sheet's country code, to name it in the reader's language). */
  readonly ref?: string;
}

export type MatchQuality = 'exact' | 'prefix' | 'fuzzy';

export interface SearchHit {
  readonly kind: SearchKind;
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly ref: string;
  readonly score: number;
}

export interface SearchGroup {
  readonly kind: SearchKind;
  /** All matches of this kind; `hits` holds the best of them. */
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/*
 * Ranking. A term found exactly counts 3, as a prefix of a longer word 2 (a little more the more of
 * the word was typed), within the typo allowance 1; times 3 in a title or name, 2 in the subtitle,
 * 1 in the body. Each query word adds the best it found in the record; a record must match every
 * word. Typos: one edit for words of 4–7 letters, two from 8; shorter words and words with digits
 * only exactly or as prefix, because "ab" is one edit away from half the dictionary.
 */
const QUALITY = { exact: 3, prefix: 2, fuzzy: 1 } as const;
const FIELD_WEIGHT = [3, 2, 1] as const;
const FIELD_TITLE = 0;
const FIELD_SUBTITLE = 1;
const FIELD_BODY = 2;

export function allowedEdits(termLength: number): number {
  return termLength >= 8 ? 2 : termLength >= 4 ? 1 : 0;
}

interface DocEntry {
  readonly kind: SearchKind;
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly ref: string;
  /** Its terms as termId * 4 + field, so the postings can be rebuilt from these alone. */
  readonly terms: Int32Array;
}

const SERIAL_FORMAT = 'mission-dossier-search';
/** 2: documents carry `ref`. */
const SERIAL_VERSION = 2;

interface TokenPlan {
  /** Matching term ids with their quality score. */
  readonly terms: Map<number, number>;
  readonly withBody: boolean;
  /** How many postings scoring through the index would read. */
  readonly volume: number;
}

/** About how many distinct terms a document has: to choose between the two ways of scoring a word. */
const AVERAGE_TERMS_PER_DOC = 30;

function docKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

export class SearchIndex {
  /** Document slots; a removed document leaves `undefined` until the next compaction. */
  private docs: (DocEntry | undefined)[] = [];
  private slots = new Map<string, number>();
  private termIds = new Map<string, number>();
  private termList: string[] = [];
  /** Per term id: slot * 4 + field of every document holding it (removed ones included until compaction). */
  private postings: number[][] = [];
  /** The same for the body field, kept apart so one- and two-letter prefixes can skip it. */
  private bodyPostings: number[][] = [];
  /** The non-CJK terms in code-unit order, for prefix ranges and the typo walk. */
  private sorted: string[] = [];
  /** The term id of each entry of `sorted`. */
  private sortedIds: number[] = [];
  /** New non-CJK terms not yet in `sorted`: merged before the next query, so a bulk load sorts once. */
  private pending: number[] = [];
  private dead = 0;
  // Scratch space reused by every query, so typing does not allocate per keystroke.
  private tokenBest = new Float64Array(0);
  private tokenSeen = new Uint32Array(0);
  private total = new Float64Array(0);
  private matched = new Uint8Array(0);
  private generation = 0;

  /** The number of documents in the index. */
  get size(): number {
    return this.slots.size;
  }

  /** Adds a document, or replaces the one with the same kind and id. */
  add(doc: SearchDoc): void {
    this.remove(doc);
    const fields: [number, readonly string[]][] = [
      [FIELD_TITLE, [doc.title, ...(doc.names ?? [])]],
      [FIELD_SUBTITLE, doc.subtitle ? [doc.subtitle] : []],
      [FIELD_BODY, doc.body ?? []],
    ];
    const best = new Map<number, number>();
    for (const [field, texts] of fields) {
      const terms = new Set<string>();
      for (const text of texts) indexTerms(text, terms);
      for (const term of terms) {
        const id = this.termId(term);
        if (!best.has(id)) best.set(id, field);
      }
    }
    const slot = this.docs.length;
    const terms = Int32Array.from(best, ([id, field]) => id * 4 + field);
    this.docs.push({
      kind: doc.kind,
      id: doc.id,
      title: doc.title,
      subtitle: doc.subtitle ?? '',
      ref: doc.ref ?? '',
      terms,
    });
    this.slots.set(docKey(doc.kind, doc.id), slot);
    for (const packed of terms) this.postingsOf(packed)?.push(slot * 4 + (packed & 3));
  }

  /** The same as add: a changed record replaces its old document. */
  update(doc: SearchDoc): void {
    this.add(doc);
  }

  remove(doc: Pick<SearchDoc, 'kind' | 'id'>): void {
    const key = docKey(doc.kind, doc.id);
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    this.docs[slot] = undefined;
    this.dead++;
    // Removed documents are skipped by queries; rebuilding once they are a quarter keeps that cheap.
    if (this.dead > 1000 && this.dead > this.slots.size / 4) this.compact();
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
      this.postings.push([]);
      this.bodyPostings.push([]);
      if (!isCjkTerm(term)) this.pending.push(id);
    }
    return id;
  }

  /** Renumbers the live documents and drops terms nobody uses any more. */
  private compact(): void {
    this.rebuild(
      this.docs.filter((doc): doc is DocEntry => doc !== undefined),
      this.termList,
    );
  }

  /** Fills the index from documents whose terms refer to `terms` by position. */
  private rebuild(docs: readonly DocEntry[], terms: readonly string[]): void {
    const used = new Int32Array(terms.length).fill(-1);
    const termList: string[] = [];
    this.postings = [];
    this.bodyPostings = [];
    this.docs = [];
    this.slots = new Map();
    docs.forEach((doc, slot) => {
      const remapped = new Int32Array(doc.terms.length);
      doc.terms.forEach((packed, i) => {
        const old = packed >> 2;
        let id = used[old] ?? -1;
        if (id < 0) {
          id = termList.length;
          used[old] = id;
          termList.push(terms[old] ?? '');
          this.postings.push([]);
          this.bodyPostings.push([]);
        }
        remapped[i] = id * 4 + (packed & 3);
        this.postingsOf(id * 4 + (packed & 3))?.push(slot * 4 + (packed & 3));
      });
      this.docs.push({ ...doc, terms: remapped });
      this.slots.set(docKey(doc.kind, doc.id), slot);
    });
    this.termList = termList;
    this.termIds = new Map(termList.map((term, id) => [term, id]));
    this.sortedIds = termList.map((_, id) => id).filter((id) => !isCjkTerm(termList[id] ?? ''));
    // Terms that came in sorted (a serialized index) stay as they are; others are sorted once.
    const inOrder = this.sortedIds.every(
      (id, i) => i === 0 || compareTerms(termList[this.sortedIds[i - 1] ?? 0] ?? '', termList[id] ?? '') < 0,
    );
    if (!inOrder) this.sortedIds.sort((a, b) => compareTerms(termList[a] ?? '', termList[b] ?? ''));
    this.sorted = this.sortedIds.map((id) => termList[id] ?? '');
    this.pending = [];
    this.dead = 0;
  }

  /** Brings `sorted` up to date: a few new terms are inserted, many are merged in one sort. */
  private mergePending(): void {
    if (this.pending.length === 0) return;
    if (this.pending.length < 256) {
      for (const id of this.pending) {
        const term = this.termList[id] ?? '';
        const at = prefixRange(this.sorted, term)[0];
        this.sorted.splice(at, 0, term);
        this.sortedIds.splice(at, 0, id);
      }
    } else {
      this.sortedIds = [...this.sortedIds, ...this.pending].sort((a, b) =>
        compareTerms(this.termList[a] ?? '', this.termList[b] ?? ''),
      );
      this.sorted = this.sortedIds.map((id) => this.termList[id] ?? '');
    }
    this.pending = [];
  }

  /** The terms a query word matches, each with its quality score (before field weight). */
  private matchTerms(token: QueryToken): Map<number, number> {
    const found = new Map<number, number>();
    const exact = this.termIds.get(token.term);
    if (exact !== undefined) found.set(exact, QUALITY.exact);
    if (token.cjk) return found;
    const [from, to] = prefixRange(this.sorted, token.term);
    for (let i = from; i < to; i++) {
      const term = this.sorted[i] ?? '';
      const id = this.sortedIds[i];
      // Completing more of the word ranks higher: "munc" → "munchen" above "munchhausenstrasse".
      if (id !== undefined && !found.has(id)) found.set(id, QUALITY.prefix + token.term.length / term.length / 2);
    }
    // Numbers (years, postcodes) are not misspelt the way words are: "2027" must not find "2026".
    const edits = /\d/.test(token.term) ? 0 : allowedEdits(token.term.length);
    if (edits > 0) {
      forEachFuzzyTerm(this.sorted, token.term, edits, (index, distance) => {
        const id = this.sortedIds[index];
        if (id !== undefined && !found.has(id)) found.set(id, QUALITY.fuzzy - distance / 10);
      });
    }
    return found;
  }

  private postingsOf(packed: number): number[] | undefined {
    return ((packed & 3) === FIELD_BODY ? this.bodyPostings : this.postings)[packed >> 2];
  }

  private ensureScratch(): void {
    const n = this.docs.length;
    if (this.total.length >= n) return;
    const size = Math.max(n, this.total.length * 2, 1024);
    this.tokenBest = new Float64Array(size);
    this.tokenSeen = new Uint32Array(size);
    this.total = new Float64Array(size);
    this.matched = new Uint8Array(size);
  }

  /** Results grouped by kind, best group first; up to `limitPerKind` hits each, best first. */
  search(query: string, limitPerKind = 5): SearchGroup[] {
    const tokens = queryTokens(query).slice(0, 8);
    if (tokens.length === 0) return [];
    this.mergePending();
    this.ensureScratch();
    // One- and two-letter prefixes match too much body text to be useful: titles and subtitles only.
    const plans = tokens
      .map((token) => {
        const terms = this.matchTerms(token);
        const withBody = token.cjk || token.term.length > 2;
        let volume = 0;
        for (const id of terms.keys()) {
          volume += (this.postings[id]?.length ?? 0) + (withBody ? (this.bodyPostings[id]?.length ?? 0) : 0);
        }
        return { terms, withBody, volume };
      })
      // The rarest word first: it leaves the fewest candidates for the others.
      .sort((a, b) => a.volume - b.volume);
    let candidates: number[] = [];
    let alive = 0;
    plans.forEach((plan, t) => {
      if (t > 0 && alive * AVERAGE_TERMS_PER_DOC < plan.volume) alive = this.scoreCandidates(candidates, t, plan);
      else {
        const touched = this.scorePostings(t, plan);
        if (t === 0) candidates = touched;
        alive = touched.length;
      }
    });
    const groups = this.collect(candidates, plans.length, limitPerKind);
    for (const slot of candidates) {
      this.matched[slot] = 0;
      this.total[slot] = 0;
    }
    return groups;
  }

  /** Scores a query word through the postings of its terms; returns the documents it matched. */
  private scorePostings(t: number, plan: TokenPlan): number[] {
    const generation = (this.generation = (this.generation + 1) >>> 0 || 1);
    const touched: number[] = [];
    const sources = plan.withBody ? [this.postings, this.bodyPostings] : [this.postings];
    for (const [termId, quality] of plan.terms) {
      for (const source of sources) {
        const list = source[termId];
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const packed = list[i] ?? 0;
          const slot = packed >> 2;
          // Only documents that matched every earlier word can still qualify.
          if (this.matched[slot] !== t || this.docs[slot] === undefined) continue;
          const score = quality * (FIELD_WEIGHT[packed & 3] ?? 1);
          if (this.tokenSeen[slot] !== generation) {
            this.tokenSeen[slot] = generation;
            this.tokenBest[slot] = score;
            touched.push(slot);
          } else if (score > (this.tokenBest[slot] ?? 0)) this.tokenBest[slot] = score;
        }
      }
    }
    for (const slot of touched) {
      this.matched[slot] = t + 1;
      this.total[slot] = (this.total[slot] ?? 0) + (this.tokenBest[slot] ?? 0);
    }
    return touched;
  }

  /** Scores a query word by looking at the remaining candidates' own terms: cheaper when few are left. */
  private scoreCandidates(candidates: readonly number[], t: number, plan: TokenPlan): number {
    let alive = 0;
    for (const slot of candidates) {
      const doc = this.docs[slot];
      if (this.matched[slot] !== t || !doc) continue;
      let best = 0;
      for (const packed of doc.terms) {
        const quality = plan.terms.get(packed >> 2);
        const field = packed & 3;
        if (quality === undefined || (field === FIELD_BODY && !plan.withBody)) continue;
        best = Math.max(best, quality * (FIELD_WEIGHT[field] ?? 1));
      }
      if (best > 0) {
        this.matched[slot] = t + 1;
        this.total[slot] = (this.total[slot] ?? 0) + best;
        alive++;
      }
    }
    return alive;
  }

  private collect(candidates: readonly number[], wanted: number, limit: number): SearchGroup[] {
    const byKind = new Map<string, { total: number; hits: SearchHit[] }>();
    for (const slot of candidates) {
      const doc = this.docs[slot];
      if (this.matched[slot] !== wanted || !doc) continue;
      const score = this.total[slot] ?? 0;
      let group = byKind.get(doc.kind);
      if (!group) byKind.set(doc.kind, (group = { total: 0, hits: [] }));
      group.total++;
      const hits = group.hits;
      const worst = hits[hits.length - 1];
      if (hits.length >= limit && worst && !ranksBefore(score, doc.title, worst)) continue;
      const hit: SearchHit = {
        kind: doc.kind,
        id: doc.id,
        title: doc.title,
        subtitle: doc.subtitle,
        ref: doc.ref,
        score,
      };
      let at = hits.length;
      while (at > 0 && ranksBefore(score, doc.title, hits[at - 1] as SearchHit)) at--;
      hits.splice(at, 0, hit);
      if (hits.length > limit) hits.pop();
    }
    return [...byKind]
      .map(([kind, group]) => ({ kind, total: group.total, hits: group.hits }))
      .sort((a, b) => (b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0));
  }

  /** A compact JSON text of the whole index, to save beside the change-log position it reflects. */
  serialize(): string {
    if (this.dead > 0) this.compact();
    // Terms in code-unit order, so reopening needs no sort; documents refer to them by position.
    const order = this.termList
      .map((_, id) => id)
      .sort((a, b) => compareTerms(this.termList[a] ?? '', this.termList[b] ?? ''));
    const position = new Int32Array(order.length);
    order.forEach((id, at) => (position[id] = at));
    const kinds = [...new Set(this.docs.map((doc) => doc?.kind ?? ''))];
    const docs = this.docs.flatMap((doc) => {
      if (!doc) return [];
      const packed = Array.from(doc.terms, (value) => (position[value >> 2] ?? 0) * 4 + (value & 3)).sort(
        (a, b) => a - b,
      );
      // Ascending and delta-coded: small numbers make a short text.
      const deltas = packed.map((value, i) => value - (i > 0 ? (packed[i - 1] ?? 0) : 0));
      return [[kinds.indexOf(doc.kind), doc.id, doc.title, doc.subtitle, deltas.join(' '), doc.ref]];
    });
    return JSON.stringify({
      format: SERIAL_FORMAT,
      version: SERIAL_VERSION,
      kinds,
      terms: order.map((id) => this.termList[id] ?? ''),
      docs,
    });
  }

  /** Reopens a serialized index; null when the text is not one (rebuild from the records then). */
  static deserialize(text: string): SearchIndex | null {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError) return null;
      throw error;
    }
    if (!isSerialized(data)) return null;
    const docs: DocEntry[] = [];
    for (const [kindIndex, id, title, subtitle, deltas, ref] of data.docs) {
      const kind = data.kinds[kindIndex];
      if (kind === undefined) return null;
      const parts = deltas === '' ? [] : deltas.split(' ');
      const terms = new Int32Array(parts.length);
      let value = 0;
      for (let i = 0; i < parts.length; i++) {
        value += Number(parts[i]);
        if (!Number.isInteger(value) || value >> 2 >= data.terms.length) return null;
        terms[i] = value;
      }
      docs.push({ kind, id, title, subtitle, ref, terms });
    }
    const index = new SearchIndex();
    index.rebuild(docs, data.terms);
    return index;
  }
}

/** Code-unit order, the order binary search over the terms relies on (not locale order). */
function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ranksBefore(score: number, title: string, other: SearchHit): boolean {
  if (score !== other.score) return score > other.score;
  // Equal scores: the shorter title is the closer match ("Acme" before "Acme Holding").
  return title.length !== other.title.length ? title.length < other.title.length : title < other.title;
}

interface Serialized {
  format: typeof SERIAL_FORMAT;
  version: typeof SERIAL_VERSION;
  kinds: string[];
  terms: string[];
  docs: [number, string, string, string, string, string][];
}

function isSerialized(data: unknown): data is Serialized {
  if (typeof data !== 'object' || data === null) return false;
  const value = data as Record<string, unknown>;
  return (
    value.format === SERIAL_FORMAT &&
    value.version === SERIAL_VERSION &&
    Array.isArray(value.kinds) &&
    value.kinds.every((kind) => typeof kind === 'string') &&
    Array.isArray(value.terms) &&
    value.terms.every((term) => typeof term === 'string') &&
    Array.isArray(value.docs) &&
    value.docs.every(
      (doc) =>
        Array.isArray(doc) &&
        doc.length === 6 &&
        typeof doc[0] === 'number' &&
        typeof doc[1] === 'string' &&
        typeof doc[2] === 'string' &&
        typeof doc[3] === 'string' &&
        typeof doc[4] === 'string' &&
        typeof doc[5] === 'string',
    )
  );
}
