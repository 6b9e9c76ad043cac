/** Preferences of this device (not synced): the UI language, kept in localStorage. */
import { create } from 'zustand';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n';

export const LANGUAGE_KEY = 'mission-dossier.language';

function readLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch (error) {
    // Storage can be disabled by policy on locked-down laptops: fall back to Dutch, and say why.
    console.warn('language preference unavailable', error);
    return DEFAULT_LANGUAGE;
  }
}

interface PreferencesState {
  readonly language: Language;
  setLanguage(language: Language): void;
}

export const usePreferences = create<PreferencesState>((set) => ({
  language: readLanguage(),
  setLanguage: (language) => {
    try {
      globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
    } catch (error) {
      console.warn('could not remember the language', error);
    }
    set({ language });
  },
}));
