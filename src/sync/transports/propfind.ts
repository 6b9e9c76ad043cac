/**
 * Reads a WebDAV multistatus answer without a DOM (Node and workers have none): the href and
 * whether it is a collection, per response. Namespace prefixes vary per server, so elements are
 * matched by their resolved namespace (DAV:), and hrefs are XML-unescaped here and URL-decoded by
 * the caller.
 */
export interface PropfindEntry {
  readonly href: string;
  readonly collection: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

/** The prefixes bound to the DAV: namespace anywhere in the document ('' for a default namespace). */
function davPrefixes(xml: string): string[] {
  const prefixes = new Set<string>();
  for (const match of xml.matchAll(/xmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*("DAV:"|'DAV:')/g))
    prefixes.add(match[1] ?? '');
  return [...prefixes];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parsePropfind(xml: string): PropfindEntry[] {
  const prefixes = davPrefixes(xml);
  if (prefixes.length === 0) return [];
  const name = (local: string) =>
    `(?:${prefixes.map((p) => (p === '' ? '' : `${escapeRegex(p)}:`)).join('|')})${local}`;
  const responseRe = new RegExp(`<${name('response')}(?:\\s[^>]*)?>([\\s\\S]*?)</${name('response')}\\s*>`, 'g');
  const hrefRe = new RegExp(`<${name('href')}(?:\\s[^>]*)?>([\\s\\S]*?)</${name('href')}\\s*>`);
  const collectionRe = new RegExp(`<${name('collection')}(?:\\s[^>]*)?/?>`);
  const entries: PropfindEntry[] = [];
  for (const match of xml.matchAll(responseRe)) {
    const body = match[1] ?? '';
    const href = hrefRe.exec(body)?.[1];
    if (href === undefined) continue;
    entries.push({ href: unescapeXml(href.trim()), collection: collectionRe.test(body) });
  }
  return entries;
}
