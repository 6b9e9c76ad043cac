/** Control characters have no business in a URL or file name we act on; spotting them is shared. */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // C0 controls (NUL, tab, newline, escape, ...) and DEL.
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
