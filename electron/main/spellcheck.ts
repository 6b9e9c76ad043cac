/**
 * The spellchecker downloads no dictionaries. On Windows and Linux, Chromium's spellchecker uses
 * Hunspell dictionaries that it fetches from Google's CDN for the OS language; there it is switched
 * off (`session.setSpellCheckerEnabled(false)`: no dictionary is loaded, so none is fetched), and the
 * download address is pointed at our own scheme, which serves no dictionaries, in case anything
 * switches it on again. On macOS the system's own spellchecker is used and nothing is downloaded
 * (Electron documents the download address as a no-op there), so it stays on.
 */
import { APP_ORIGIN } from './app-protocol';

/** The parts of Electron's Session used here; the real one fits them. */
export interface SpellcheckSession {
  setSpellCheckerEnabled(enabled: boolean): void;
  setSpellCheckerDictionaryDownloadURL(url: string): void;
}

/** An address on the app's own scheme under which no file exists (the trailing slash is required). */
export const NO_DICTIONARIES_URL = `${APP_ORIGIN}/no-spellcheck-dictionaries/`;

/** Applies the setting; answers whether the spellchecker is on (the system's) or off. */
export function configureSpellchecker(session: SpellcheckSession, platform: NodeJS.Platform): 'system' | 'off' {
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARIES_URL);
  const useSystem = platform === 'darwin';
  session.setSpellCheckerEnabled(useSystem);
  return useSystem ? 'system' : 'off';
}
