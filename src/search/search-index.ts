/**
 * The in-memory search index behind the one search box: missions, organisations, people, notes and
 * country sheets. Exact, prefix and typo-tolerant matches, ranked and grouped by kind; kept current
 * one document at a time as the change log is followed, and saved and reopened whole.
 *
 * The saved form is one binary buffer (see `serialize`): strings once, as UTF-8; the postings of
 * each term and the terms of each document as delta-coded varints, found through offset tables.
 * Reopening decodes only the strings; a term's postings are decoded the first time a query needs
 * them, and a document's terms the first time they are asked for, so the first answer comes fast.
 */
import { forEachFuzzyTerm, lowerBound, prefixRange } from './fuzzy-terms';
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
  /**
   * Place names searched as the subtitle is but not shown (the countries in both languages): the
   * result shows them from `ref` in the reader's language.
   */
  readonly places?: readonly string[];
  /** Descriptions and note text: found, but weighed lowest. */
  readonly body?: readonly string[];
  /**
   * Not searched: handed back with the hit. Country codes, comma-separated, so the result names the
   * countries in the reader's language (a country sheet's own country; a record's countries).
   */
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
  /** Its terms as termId * 4 + field; null until decoded from the saved form. */
  terms: Int32Array | null;
}

/** A term's postings: slot * 4 + field, ascending. Decoded from the saved form, or grown by `add`. */
type Postings = Int32Array | number[];

/** The saved form an index was opened from, read lazily. */
interface Base {
  readonly bytes: Uint8Array;
  /** Per term id, where its title/subtitle and its body postings start in `bytes`. */
  readonly titleAt: Uint32Array;
  readonly bodyAt: Uint32Array;
  /** Per document slot, where its terms start in `bytes`. */
  readonly docAt: Uint32Array;
}

interface TokenPlan {
  /** Matching term ids, and the quality score of each (before field weight). */
  readonly ids: number[];
  readonly quality: number[];
  readonly withBody: boolean;
  /** How many postings scoring through the index would read. */
  readonly volume: number;
}

/** About how many distinct terms a document has: to choose between the two ways of scoring a word. */
const AVERAGE_TERMS_PER_DOC = 30;

function docKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** `kindOf` of a removed document's slot. */
const NO_KIND = 255;

/** "MDSI": the first four bytes of a saved index. */
const MAGIC = 0x4d445349;
/** 3: the binary form (1 and 2 were JSON text). */
export const SERIAL_VERSION = 3;
const HEADER_WORDS = 8;

export class SearchIndex {
  /** Document slots; a removed document leaves `undefined` until the next compaction. */
  private docs: (DocEntry | undefined)[] = [];
  /** kind + id → slot; built on the first add or remove after reopening. */
  private slotMap: Map<string, number> | null = new Map();
  private live = 0;
  /**
   * Per slot, what ranking needs without touching the document objects: its kind (an index into
   * `kindNames`, NO_KIND once removed) and the length of its title (shorter ranks first on a tie).
   */
  private kindOf = new Uint8Array(1024);
  private titleLength = new Uint16Array(1024);
  private kindNames: string[] = [];
  /** term → id; built on the first add after reopening (queries binary-search the sorted lists). */
  private termIdMap: Map<string, number> | null = new Map();
  private termList: string[] = [];
  /** Per term id: the title and subtitle postings; undefined = not decoded from `base` yet. */
  private postings: (Postings | undefined)[] = [];
  /** The same for the body field, kept apart so one- and two-letter prefixes can skip it. */
  private bodyPostings: (Postings | undefined)[] = [];
  private base: Base | null = null;
  /** The non-CJK terms in code-unit order, for prefix ranges and the typo walk, and their ids. */
  private sorted: string[] = [];
  private sortedIds: number[] = [];
  /** The CJK terms (matched exactly) in code-unit order, and their ids. */
  private cjkSorted: string[] = [];
  private cjkIds: number[] = [];
  /** New terms not yet in the sorted lists: merged before the next query, so a bulk load sorts once. */
  private pending: number[] = [];
  private dead = 0;
  // Scratch space reused by every query, so typing does not allocate per keystroke.
  private tokenBest = new Float64Array(0);
  private tokenSeen = new Uint32Array(0);
  private total = new Float64Array(0);
  private matched = new Uint8Array(0);
  private termSeen = new Uint32Array(0);
  private termQuality = new Float64Array(0);
  private generation = 0;
  private termGeneration = 0;

  /** The number of documents in the index. */
  get size(): number {
    return this.live;
  }

  /** Adds a document, or replaces the one with the same kind and id. */
  add(doc: SearchDoc): void {
    this.remove(doc);
    const fields: [number, readonly string[]][] = [
      [FIELD_TITLE, [doc.title, ...(doc.names ?? [])]],
      [FIELD_SUBTITLE, [...(doc.subtitle ? [doc.subtitle] : []), ...(doc.places ?? [])]],
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
    this.growSlots(slot + 1);
    this.kindOf[slot] = this.kindNumber(doc.kind);
    this.titleLength[slot] = Math.min(doc.title.length, 0xffff);
    this.docs.push({
      kind: doc.kind,
      id: doc.id,
      title: doc.title,
      subtitle: doc.subtitle ?? '',
      ref: doc.ref ?? '',
      terms,
    });
    this.slots().set(docKey(doc.kind, doc.id), slot);
    this.live++;
    for (const packed of terms)
      this.growablePostings(packed >> 2, (packed & 3) === FIELD_BODY).push(slot * 4 + (packed & 3));
  }

  /** The same as add: a changed record replaces its old document. */
  update(doc: SearchDoc): void {
    this.add(doc);
  }

  remove(doc: Pick<SearchDoc, 'kind' | 'id'>): void {
    const slots = this.slots();
    const key = docKey(doc.kind, doc.id);
    const slot = slots.get(key);
    if (slot === undefined) return;
    slots.delete(key);
    this.docs[slot] = undefined;
    this.kindOf[slot] = NO_KIND;
    this.dead++;
    this.live--;
    // Removed documents are skipped by queries; rebuilding once they are a quarter keeps that cheap.
    if (this.dead > 1000 && this.dead > this.live / 4) this.compact();
  }

  private growSlots(count: number): void {
    if (this.kindOf.length >= count) return;
    const size = Math.max(count, this.kindOf.length * 2);
    const kinds = new Uint8Array(size).fill(NO_KIND);
    kinds.set(this.kindOf);
    const lengths = new Uint16Array(size);
    lengths.set(this.titleLength);
    this.kindOf = kinds;
    this.titleLength = lengths;
  }

  private kindNumber(kind: string): number {
    let number = this.kindNames.indexOf(kind);
    if (number < 0) {
      if (this.kindNames.length >= NO_KIND) throw new Error('search index: too many kinds');
      number = this.kindNames.push(kind) - 1;
    }
    return number;
  }

  private slots(): Map<string, number> {
    if (!this.slotMap) {
      this.slotMap = new Map();
      this.docs.forEach((doc, slot) => {
        if (doc) this.slotMap?.set(docKey(doc.kind, doc.id), slot);
      });
    }
    return this.slotMap;
  }

  private termId(term: string): number {
    if (!this.termIdMap) this.termIdMap = new Map(this.termList.map((known, id) => [known, id]));
    let id = this.termIdMap.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIdMap.set(term, id);
      this.termList.push(term);
      this.postings.push([]);
      this.bodyPostings.push([]);
      this.pending.push(id);
    }
    return id;
  }

  /** Renumbers the live documents and drops terms nobody uses any more: the saved form, reopened. */
  private compact(): void {
    const fresh = SearchIndex.deserialize(this.serialize());
    if (!fresh) throw new Error('search index: its own saved form did not reopen');
    Object.assign(this, fresh);
  }

  /** Brings the sorted lists up to date: a few new terms are inserted, many are merged in one sort. */
  private mergePending(): void {
    if (this.pending.length === 0) return;
    const latin = this.pending.filter((id) => !isCjkTerm(this.termList[id] ?? ''));
    const cjk = this.pending.filter((id) => isCjkTerm(this.termList[id] ?? ''));
    this.pending = [];
    const merge = (ids: number[], sorted: string[], sortedIds: number[]): [string[], number[]] => {
      if (ids.length < 256) {
        for (const id of ids) {
          const term = this.termList[id] ?? '';
          const at = lowerBound(sorted, term);
          sorted.splice(at, 0, term);
          sortedIds.splice(at, 0, id);
        }
        return [sorted, sortedIds];
      }
      const all = [...sortedIds, ...ids].sort((a, b) => compareTerms(this.termList[a] ?? '', this.termList[b] ?? ''));
      return [all.map((id) => this.termList[id] ?? ''), all];
    };
    [this.sorted, this.sortedIds] = merge(latin, this.sorted, this.sortedIds);
    [this.cjkSorted, this.cjkIds] = merge(cjk, this.cjkSorted, this.cjkIds);
  }

  /** The id of a term present in the index, by binary search in its sorted list. */
  private lookup(term: string, cjk: boolean): number | undefined {
    const sorted = cjk ? this.cjkSorted : this.sorted;
    const at = lowerBound(sorted, term);
    return sorted[at] === term ? (cjk ? this.cjkIds : this.sortedIds)[at] : undefined;
  }

  /** The terms a query word matches, each with its quality score (before field weight). */
  private matchTerms(token: QueryToken): { ids: number[]; quality: number[] } {
    const ids: number[] = [];
    const quality: number[] = [];
    const generation = (this.termGeneration = (this.termGeneration + 1) >>> 0 || 1);
    const seen = this.termSeen;
    const found = (id: number | undefined, score: number) => {
      if (id === undefined || seen[id] === generation) return;
      seen[id] = generation;
      ids.push(id);
      quality.push(score);
    };
    found(this.lookup(token.term, token.cjk), QUALITY.exact);
    if (token.cjk) return { ids, quality };
    const [from, to] = prefixRange(this.sorted, token.term);
    for (let i = from; i < to; i++) {
      // Completing more of the word ranks higher: "munc" → "munchen" above "munchhausenstrasse".
      found(this.sortedIds[i], QUALITY.prefix + token.term.length / (this.sorted[i] ?? '').length / 2);
    }
    // Numbers (years, postcodes) are not misspelt the way words are: "2027" must not find "2026".
    const edits = /\d/.test(token.term) ? 0 : allowedEdits(token.term.length);
    if (edits > 0) {
      forEachFuzzyTerm(this.sorted, token.term, edits, (index, distance) => {
        found(this.sortedIds[index], QUALITY.fuzzy - distance / 10);
      });
    }
    return { ids, quality };
  }

  /** A term's postings of the title fields or of the body, decoded from the saved form on first use. */
  private postingsOf(id: number, body: boolean): Postings {
    const store = body ? this.bodyPostings : this.postings;
    let list = store[id];
    if (list === undefined) {
      const base = this.base;
      list = base ? readDeltas(base.bytes, (body ? base.bodyAt : base.titleAt)[id] ?? 0, this.docs.length * 4) : [];
      store[id] = list;
    }
    return list;
  }

  /** How many postings a term has, without decoding them. */
  private postingsCount(id: number, body: boolean): number {
    const list = (body ? this.bodyPostings : this.postings)[id];
    if (list !== undefined) return list.length;
    const base = this.base;
    return base ? readVarint(base.bytes, (body ? base.bodyAt : base.titleAt)[id] ?? 0)[0] : 0;
  }

  private growablePostings(id: number, body: boolean): number[] {
    const list = this.postingsOf(id, body);
    if (Array.isArray(list)) return list;
    const grown = Array.from(list);
    (body ? this.bodyPostings : this.postings)[id] = grown;
    return grown;
  }

  /** A document's terms, decoded from the saved form on first use. */
  private termsOf(slot: number, doc: DocEntry): Int32Array {
    if (doc.terms) return doc.terms;
    const base = this.base;
    doc.terms = base
      ? Int32Array.from(readDeltas(base.bytes, base.docAt[slot] ?? 0, this.termList.length * 4))
      : new Int32Array(0);
    return doc.terms;
  }

  private ensureScratch(): void {
    const n = this.docs.length;
    if (this.total.length < n) {
      const size = Math.max(n, this.total.length * 2, 1024);
      this.tokenBest = new Float64Array(size);
      this.tokenSeen = new Uint32Array(size);
      this.total = new Float64Array(size);
      this.matched = new Uint8Array(size);
    }
    const terms = this.termList.length;
    if (this.termSeen.length < terms) {
      const size = Math.max(terms, this.termSeen.length * 2, 1024);
      this.termSeen = new Uint32Array(size);
      this.termQuality = new Float64Array(size);
    }
  }

  /** Results grouped by kind, best group first; up to `limitPerKind` hits each, best first. */
  search(query: string, limitPerKind = 5): SearchGroup[] {
    const tokens = queryTokens(query).slice(0, 8);
    if (tokens.length === 0) return [];
    this.mergePending();
    this.ensureScratch();
    // One- and two-letter prefixes match too much body text to be useful: titles and subtitles only.
    const plans: TokenPlan[] = tokens
      .map((token) => {
        const { ids, quality } = this.matchTerms(token);
        const withBody = token.cjk || token.term.length > 2;
        let volume = 0;
        for (const id of ids) volume += this.postingsCount(id, false) + (withBody ? this.postingsCount(id, true) : 0);
        return { ids, quality, withBody, volume };
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
    const { matched, tokenSeen, tokenBest, kindOf } = this;
    for (let p = 0; p < plan.ids.length; p++) {
      const termId = plan.ids[p] ?? 0;
      const quality = plan.quality[p] ?? 0;
      for (let source = 0; source < (plan.withBody ? 2 : 1); source++) {
        const list = this.postingsOf(termId, source === 1);
        for (let i = 0; i < list.length; i++) {
          const packed = list[i] ?? 0;
          const slot = packed >> 2;
          // Only documents that matched every earlier word can still qualify.
          if (matched[slot] !== t || kindOf[slot] === NO_KIND) continue;
          const score = quality * (FIELD_WEIGHT[packed & 3] ?? 1);
          if (tokenSeen[slot] !== generation) {
            tokenSeen[slot] = generation;
            tokenBest[slot] = score;
            touched.push(slot);
          } else if (score > (tokenBest[slot] ?? 0)) tokenBest[slot] = score;
        }
      }
    }
    for (const slot of touched) {
      matched[slot] = t + 1;
      this.total[slot] = (this.total[slot] ?? 0) + (tokenBest[slot] ?? 0);
    }
    return touched;
  }

  /** Scores a query word by looking at the remaining candidates' own terms: cheaper when few are left. */
  private scoreCandidates(candidates: readonly number[], t: number, plan: TokenPlan): number {
    const quality = this.termQuality;
    plan.ids.forEach((id, p) => (quality[id] = plan.quality[p] ?? 0));
    let alive = 0;
    for (const slot of candidates) {
      const doc = this.docs[slot];
      if (this.matched[slot] !== t || !doc) continue;
      let best = 0;
      for (const packed of this.termsOf(slot, doc)) {
        const found = quality[packed >> 2] ?? 0;
        const field = packed & 3;
        if (found === 0 || (field === FIELD_BODY && !plan.withBody)) continue;
        best = Math.max(best, found * (FIELD_WEIGHT[field] ?? 1));
      }
      if (best > 0) {
        this.matched[slot] = t + 1;
        this.total[slot] = (this.total[slot] ?? 0) + best;
        alive++;
      }
    }
    for (const id of plan.ids) quality[id] = 0;
    return alive;
  }

  /**
   * The best `limit` of each kind, and how many of each kind matched. Most candidates only bump a
   * count: a hit is made only for one that beats the worst of its kind's list so far, compared by
   * score and title length from typed arrays (the title itself only on a tie of both).
   */
  private collect(candidates: readonly number[], wanted: number, limit: number): SearchGroup[] {
    const kindCount = this.kindNames.length;
    const counts = new Int32Array(kindCount);
    const lists: number[][] = this.kindNames.map(() => []);
    const worstScore = new Float64Array(kindCount).fill(-Infinity);
    const worstLength = new Int32Array(kindCount);
    const { matched, kindOf, total, titleLength } = this;
    for (let c = 0; c < candidates.length; c++) {
      const slot = candidates[c] ?? 0;
      const kind = kindOf[slot] ?? NO_KIND;
      if (matched[slot] !== wanted || kind === NO_KIND) continue;
      counts[kind] = (counts[kind] ?? 0) + 1;
      const score = total[slot] ?? 0;
      const list = lists[kind] as number[];
      if (list.length >= limit) {
        const worst = worstScore[kind] ?? 0;
        if (score < worst) continue;
        if (score === worst) {
          const length = titleLength[slot] ?? 0;
          const other = worstLength[kind] ?? 0;
          if (length > other) continue;
          if (length === other && !this.slotRanksBefore(slot, list[list.length - 1] ?? 0)) continue;
        }
      }
      let at = list.length;
      while (at > 0 && this.slotRanksBefore(slot, list[at - 1] ?? 0)) at--;
      list.splice(at, 0, slot);
      if (list.length > limit) list.pop();
      if (list.length >= limit) {
        const last = list[list.length - 1] ?? 0;
        worstScore[kind] = total[last] ?? 0;
        worstLength[kind] = titleLength[last] ?? 0;
      }
    }
    const groups: SearchGroup[] = [];
    lists.forEach((list, kind) => {
      if (list.length === 0) return;
      const hits = list.map((slot): SearchHit => {
        const doc = this.docs[slot] as DocEntry;
        return {
          kind: doc.kind,
          id: doc.id,
          title: doc.title,
          subtitle: doc.subtitle,
          ref: doc.ref,
          score: total[slot] ?? 0,
        };
      });
      groups.push({ kind: this.kindNames[kind] ?? '', total: counts[kind] ?? 0, hits });
    });
    // Kinds in the order they first matched, then by their best score: the same order as a stable sort.
    const firstSeen = new Map<string, number>();
    for (const slot of candidates) {
      const kind = kindOf[slot] ?? NO_KIND;
      if (matched[slot] !== wanted || kind === NO_KIND) continue;
      const name = this.kindNames[kind] ?? '';
      if (!firstSeen.has(name)) firstSeen.set(name, firstSeen.size);
      if (firstSeen.size === groups.length) break;
    }
    groups.sort((a, b) => (firstSeen.get(a.kind) ?? 0) - (firstSeen.get(b.kind) ?? 0));
    return groups.sort((a, b) => (b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0));
  }

  /** Whether one slot's document ranks before another's: score, then the shorter title, then the title. */
  private slotRanksBefore(slot: number, other: number): boolean {
    const score = this.total[slot] ?? 0;
    const otherScore = this.total[other] ?? 0;
    if (score !== otherScore) return score > otherScore;
    const length = this.titleLength[slot] ?? 0;
    const otherLength = this.titleLength[other] ?? 0;
    if (length !== otherLength) return length < otherLength;
    return (this.docs[slot]?.title ?? '') < (this.docs[other]?.title ?? '');
  }

  /**
   * The whole index as one buffer, to save beside the change-log position it reflects. Layout
   * (little-endian u32 words, then bytes):
   *   header: MAGIC, SERIAL_VERSION, kinds, terms, of which non-CJK, documents, text bytes, varint bytes
   *   text:   UTF-8 of kinds, terms (non-CJK then CJK, each in code-unit order) and per document
   *           id, title, subtitle, ref, all joined by U+0000; padded to 4 bytes
   *   tables: per document its kind; per document, then per term (title fields), then per term
   *           (body), the offset of its list in the varint area
   *   varints: each list as its length, then its ascending values delta-coded: a document's terms
   *           (term * 4 + field), a term's postings (document * 4 + field)
   * Removed documents and terms nobody uses are left out, so reopening also compacts.
   */
  serialize(): Uint8Array {
    this.mergePending();
    const liveSlots: number[] = [];
    this.docs.forEach((doc, slot) => {
      if (doc) liveSlots.push(slot);
    });
    // Only terms some live document uses, in the order the sorted lists keep them.
    const used = new Uint8Array(this.termList.length);
    for (const slot of liveSlots) {
      const doc = this.docs[slot] as DocEntry;
      for (const packed of this.termsOf(slot, doc)) used[packed >> 2] = 1;
    }
    const order = [...this.sortedIds.filter((id) => used[id]), ...this.cjkIds.filter((id) => used[id])];
    const latinCount = this.sortedIds.filter((id) => used[id]).length;
    const position = new Int32Array(this.termList.length).fill(-1);
    order.forEach((id, at) => (position[id] = at));
    const kinds = [...new Set(liveSlots.map((slot) => this.docs[slot]?.kind ?? ''))];

    const strip = (text: string) => text.replaceAll('\u0000', '');
    const strings: string[] = [...kinds, ...order.map((id) => this.termList[id] ?? '')];
    for (const slot of liveSlots) {
      const doc = this.docs[slot] as DocEntry;
      strings.push(strip(doc.id), strip(doc.title), strip(doc.subtitle), strip(doc.ref));
    }
    const text = new TextEncoder().encode(strings.join('\u0000'));

    const varints = new VarintWriter();
    const docAt: number[] = [];
    const titleLists: number[][] = order.map(() => []);
    const bodyLists: number[][] = order.map(() => []);
    liveSlots.forEach((slot, newSlot) => {
      const doc = this.docs[slot] as DocEntry;
      const packed = Array.from(this.termsOf(slot, doc), (value) => (position[value >> 2] ?? 0) * 4 + (value & 3)).sort(
        (a, b) => a - b,
      );
      docAt.push(varints.length);
      varints.deltas(packed);
      for (const value of packed) {
        const field = value & 3;
        (field === FIELD_BODY ? bodyLists : titleLists)[value >> 2]?.push(newSlot * 4 + field);
      }
    });
    const titleAt = titleLists.map((list) => {
      const at = varints.length;
      varints.deltas(list);
      return at;
    });
    const bodyAt = bodyLists.map((list) => {
      const at = varints.length;
      varints.deltas(list);
      return at;
    });
    const area = varints.bytes();

    const textPadded = (text.length + 3) & ~3;
    const kindBytes = (liveSlots.length + 3) & ~3;
    const tableWords = docAt.length + titleAt.length + bodyAt.length;
    const size = HEADER_WORDS * 4 + textPadded + kindBytes + tableWords * 4 + area.length;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    [MAGIC, SERIAL_VERSION, kinds.length, order.length, latinCount, liveSlots.length, text.length, area.length].forEach(
      (word, i) => view.setUint32(i * 4, word, true),
    );
    let at = HEADER_WORDS * 4;
    out.set(text, at);
    at += textPadded;
    liveSlots.forEach((slot, i) => (out[at + i] = kinds.indexOf(this.docs[slot]?.kind ?? '')));
    at += kindBytes;
    for (const table of [docAt, titleAt, bodyAt]) {
      for (const offset of table) {
        view.setUint32(at, offset, true);
        at += 4;
      }
    }
    out.set(area, at);
    return out;
  }

  /** Reopens a saved index; null when the bytes are not one (rebuild from the records then). */
  static deserialize(bytes: unknown): SearchIndex | null {
    if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_WORDS * 4) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const word = (i: number) => view.getUint32(i * 4, true);
    if (word(0) !== MAGIC || word(1) !== SERIAL_VERSION) return null;
    const [kindCount, termCount, latinCount, docCount, textLength, areaLength] = [2, 3, 4, 5, 6, 7].map(word) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const textPadded = (textLength + 3) & ~3;
    const kindBytes = (docCount + 3) & ~3;
    const tablesAt = HEADER_WORDS * 4 + textPadded + kindBytes;
    const areaAt = tablesAt + (docCount + 2 * termCount) * 4;
    if (latinCount > termCount || areaAt + areaLength !== bytes.length) return null;

    let strings: string[];
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(HEADER_WORDS * 4, HEADER_WORDS * 4 + textLength),
      );
      strings = text.split('\u0000');
    } catch (error) {
      if (error instanceof TypeError) return null;
      throw error;
    }
    const expected = kindCount + termCount + 4 * docCount;
    if (expected === 0 ? strings.join('') !== '' : strings.length !== expected) return null;

    const table = (from: number, count: number): Uint32Array | null => {
      const values = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        const value = view.getUint32(tablesAt + (from + i) * 4, true);
        if (value >= areaLength) return null;
        values[i] = value;
      }
      return values;
    };
    const docAt = table(0, docCount);
    const titleAt = table(docCount, termCount);
    const bodyAt = table(docCount + termCount, termCount);
    if (!docAt || !titleAt || !bodyAt) return null;

    const index = new SearchIndex();
    const kinds = strings.slice(0, kindCount);
    const terms = strings.slice(kindCount, kindCount + termCount);
    const kindsAt = HEADER_WORDS * 4 + textPadded;
    for (let slot = 0; slot < docCount; slot++) {
      const kind = kinds[bytes[kindsAt + slot] ?? 0];
      if (kind === undefined) return null;
      const s = kindCount + termCount + slot * 4;
      index.docs.push({
        kind,
        id: strings[s] ?? '',
        title: strings[s + 1] ?? '',
        subtitle: strings[s + 2] ?? '',
        ref: strings[s + 3] ?? '',
        terms: null,
      });
    }
    index.kindNames = kinds;
    index.growSlots(docCount);
    for (let slot = 0; slot < docCount; slot++) {
      index.kindOf[slot] = bytes[kindsAt + slot] ?? NO_KIND;
      index.titleLength[slot] = Math.min(index.docs[slot]?.title.length ?? 0, 0xffff);
    }
    index.live = docCount;
    index.slotMap = null;
    index.termIdMap = null;
    index.termList = terms;
    index.postings = new Array<Postings | undefined>(termCount);
    index.bodyPostings = new Array<Postings | undefined>(termCount);
    index.sorted = terms.slice(0, latinCount);
    index.sortedIds = Array.from({ length: latinCount }, (_, i) => i);
    index.cjkSorted = terms.slice(latinCount);
    index.cjkIds = Array.from({ length: termCount - latinCount }, (_, i) => latinCount + i);
    index.base = { bytes: bytes.subarray(areaAt), titleAt, bodyAt, docAt };
    return index;
  }
}

/** Code-unit order, the order binary search over the terms relies on (not locale order). */
function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unsigned LEB128 varints, growing one buffer. */
class VarintWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  private push(value: number): void {
    if (this.length + 5 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[this.length++] = rest;
  }

  /** A list as its length, then its ascending values as differences. */
  deltas(values: readonly number[]): void {
    this.push(values.length);
    let previous = 0;
    for (const value of values) {
      this.push(value - previous);
      previous = value;
    }
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** One varint at `at`: its value and where the next one starts. */
function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let next = at;
  for (;;) {
    const byte = bytes[next++] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80 || next >= bytes.length) return [value, next];
    shift += 7;
  }
}

/** A delta-coded list written by `VarintWriter.deltas`; values at or past `limit` (damage) are dropped. */
function readDeltas(bytes: Uint8Array, at: number, limit: number): Int32Array {
  const [count, first] = readVarint(bytes, at);
  const values = new Int32Array(Math.min(count, bytes.length));
  let next = first;
  let value = 0;
  let kept = 0;
  for (let i = 0; i < count && next < bytes.length; i++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[next++] ?? 0;
      delta += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80 || next >= bytes.length) break;
      shift += 7;
    }
    value += delta;
    if (value < limit) values[kept++] = value;
  }
  return kept === values.length ? values : values.slice(0, kept);
}
