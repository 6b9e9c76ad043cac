/**
 * One start-up measurement: (re)load the app and read when the Missions screen became interactive.
 */
import type { Page } from '@playwright/test';
import { MISSIONS_INTERACTIVE_MARK as READY_MARK } from '../../src/shared/performance-marks';
const READY_TIMEOUT_MS = 60_000;

export interface StartupSample {
  /** performance mark READY_MARK, ms since navigation start. */
  readonly interactiveMs: number;
  /** Navigation timing, for the progress lines: DOMContentLoaded end and load end, ms. */
  readonly domContentLoadedMs: number;
  readonly loadMs: number;
}

/** Waits until the start screen is interactive, then reads the figures of this navigation. */
export async function waitInteractive(page: Page): Promise<StartupSample> {
  try {
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK, {
      timeout: READY_TIMEOUT_MS,
      polling: 50,
    });
    await page.locator('[data-testid="missions-screen"][data-ready="true"]').waitFor({ timeout: READY_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`the Missions screen did not become interactive (mark '${READY_MARK}'): ${String(error)}`);
  }
  // With no missions the empty state offers the sample dossier: it has to be usable.
  const loadSample = page.locator('[data-testid="load-sample"]');
  if ((await loadSample.count()) > 0 && !(await loadSample.isEnabled())) {
    throw new Error('the Missions screen is ready but the load-sample button is disabled');
  }
  const figures = await page.evaluate((mark) => {
    const entry = performance.getEntriesByName(mark)[0];
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      interactiveMs: entry ? entry.startTime : -1,
      domContentLoadedMs: navigation ? navigation.domContentLoadedEventEnd : -1,
      loadMs: navigation ? navigation.loadEventEnd : -1,
    };
  }, READY_MARK);
  if (figures.interactiveMs < 0) throw new Error(`mark '${READY_MARK}' vanished before it could be read`);
  return figures;
}

/** Reloads the page (a new navigation, so a new time origin) and measures it. */
export async function measureReload(page: Page): Promise<StartupSample> {
  await page.reload({ waitUntil: 'load' });
  return waitInteractive(page);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  const lower = sorted[middle - 1] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : (lower + upper) / 2;
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
