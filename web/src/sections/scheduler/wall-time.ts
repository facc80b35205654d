// A schedule's start and end are instants, but people think of them as a date and time on the
// task's clock (09:00 in Europe/Paris). These convert between the two with Intl, which knows
// every IANA zone, so the form's datetime-local fields read in the task's time zone.

const formats = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a zone Intl does not know (the API then says so on the field). */
function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

/** `YYYY-MM-DDTHH:mm:ss`: what the clock in `zone` reads at `epochMs`. */
function wallAt(epochMs: number, zone: string): string {
  const part = Object.fromEntries(
    formatIn(zone)
      .formatToParts(epochMs)
      .map((entry) => [entry.type, entry.value]),
  );
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}`;
}

/** The wall time as if it were UTC, in ms: the arithmetic below compares clocks this way. */
const asUtc = (wall: string) => Date.parse(`${wall.length === 16 ? `${wall}:00` : wall}Z`);

/**
 * The instant (RFC 3339, UTC) at which `zone`'s clock reads `wall` (a datetime-local value).
 * A wall time that cannot be read, or an unknown zone, is passed on for the API to refuse in
 * words: an unknown zone is read as UTC so that only the zone is reported.
 */
export function wallToInstant(wall: string, zone: string): string {
  const guess = asUtc(wall);
  if (Number.isNaN(guess)) return wall;
  try {
    // Two passes: the offset at the first guess, then at the instant it gives (a DST change
    // between the two moves it once more).
    const first = guess - (asUtc(wallAt(guess, zone)) - guess);
    const instant = guess - (asUtc(wallAt(first, zone)) - first);
    return new Date(instant).toISOString();
  } catch {
    return new Date(guess).toISOString();
  }
}

/** The datetime-local value of an instant on `zone`'s clock ('' for none). */
export function instantToWall(instant: string | null | undefined, zone: string): string {
  if (!instant) return '';
  try {
    return wallAt(Date.parse(instant), zone);
  } catch {
    return new Date(instant).toISOString().slice(0, 19);
  }
}

/** The IANA zones the browser knows, for the time zone field's suggestions. */
export function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}
