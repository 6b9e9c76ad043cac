/** A moment in the vault (an ISO instant) as this device's local date and time, for the Sync screen. */
import { formatDayIn, formatTimeIn } from '../../domain/time';

export function formatWhen(instant: string, locale: string): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${formatDayIn(instant, zone, locale)} ${formatTimeIn(instant, zone, locale)}`;
}
