/**
 * Performance marks the app sets for its start-up benchmark (test/bench). Plain constants, so the
 * benchmark can import them without React or Dexie.
 */

/** Set once, when the Missions start screen first shows real data and can be used. */
export const MISSIONS_INTERACTIVE_MARK = 'missions-interactive';
