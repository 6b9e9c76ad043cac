/** Every IANA zone the runtime knows, as select choices; read from Intl once. */
let zones: readonly string[] | undefined;

/**
 * `first` (e.g. the mission's zone) leads the list; `keep` (a stored zone the runtime lists under
 * another name, an alias) is kept at the end so it stays selected.
 */
export function zoneChoices(first = '', keep = ''): { value: string; label: string }[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return [...new Set([first, ...zones, keep].filter(Boolean))].map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));
}
