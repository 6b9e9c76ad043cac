/**
 * Splits CSV text into records with papaparse, a slice at a time, and gives the event loop a turn
 * between slices so a 200,000-row file never blocks the screen for long.
 */
import Papa from 'papaparse';

export type CsvDelimiter = ';' | ',' | '\t';

/** Characters papaparse reads per slice: about 500 typical rows, a millisecond or two of work. */
const SLICE_CHARS = 64 * 1024;

/**
 * `;` or `,` (or tab), decided by papaparse from the first lines: the one that splits them into the
 * same number of fields, ignoring delimiters inside quotes.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  // Empty lines would count as one-field rows and make a short file look undelimited.
  const result = Papa.parse<string[]>(sample, {
    preview: 20,
    skipEmptyLines: true,
    delimitersToGuess: [';', ',', '\t'],
  });
  const guessed = result.meta.delimiter;
  return guessed === ';' || guessed === '\t' ? guessed : ',';
}

/** The first record: the header row. */
export function readHeaderRow(text: string, delimiter: CsvDelimiter): string[] {
  const result = Papa.parse<string[]>(text.slice(0, 256 * 1024), { delimiter, preview: 1 });
  return result.data[0] ?? [];
}

/** Lets other work run: scheduler.yield where the browser has it, else a macrotask. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `onRecords` with each slice of records in file order, with the number of characters read
 * so far; waits for it (and for a turn of the event loop) before reading on. Stops with the
 * signal's reason when aborted.
 */
export function readCsvRecords(
  text: string,
  delimiter: CsvDelimiter,
  onRecords: (records: string[][], charsRead: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown, parser: Papa.Parser): void => {
      failed = true;
      parser.abort();
      reject(error);
    };
    // The typings allow chunked parsing only for files, but papaparse streams a string the same way
    // (its StringStreamer); the config is typed as the file variant's, which it is at run time.
    const config: Papa.ParseLocalConfig<string[]> & { worker?: false; download?: false } = {
      delimiter,
      chunkSize: SLICE_CHARS,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (failed) return;
        try {
          signal?.throwIfAborted();
          onRecords(results.data, results.meta.cursor);
        } catch (error) {
          fail(error, parser);
          return;
        }
        parser.pause();
        yieldToEventLoop().then(
          () => {
            if (signal?.aborted) fail(signal.reason, parser);
            else parser.resume();
          },
          (error: unknown) => fail(error, parser),
        );
      },
      complete() {
        if (!failed) resolve();
      },
    };
    Papa.parse<string[]>(text, config);
  });
}
