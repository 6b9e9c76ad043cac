/** Typed translation keys: a missing or misspelled key fails the type check. Dutch is the source. */
import 'i18next';
import type { nl } from './nl';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
