// The recurring schedules every system of bench/scheduler.ts gets: the same daily cron expression
// with seconds (`<s> <m> <h> * * *`, UTC) in Meridian's tasks, BullMQ's job schedulers and
// pg-boss's schedules, so each schedule has exactly one occurrence in the measured minute and the
// next one a day later. Whole seconds, because that is the finest due time pg-boss's cron can name
// (its 6-field cron; a millisecond offset cannot be said in cron by anyone).

/**
 * How the due times fall in the minute M: `spread`, schedule i at second ⌊i × 60 / amount⌋ of M
 * (about amount / 60 due each second); `instant`, all at M itself.
 */
export type Shape = 'spread' | 'instant';

export const shapes: readonly Shape[] = ['spread', 'instant'];

export function isShape(value: string): value is Shape {
  return (shapes as readonly string[]).includes(value);
}

/** Epoch ms at which schedule `index` of `amount` falls due in the minute from `minute`. */
export function dueAt(minute: number, index: number, amount: number, shape: Shape): number {
  if (shape === 'instant') return minute;
  return minute + Math.floor((index * 60) / amount) * 1_000;
}

/** The daily cron expression, seconds first, of a due time (UTC), e.g. `17 5 23 * * *`. */
export function dailyCron(due: number): string {
  const at = new Date(due);
  return `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} * * *`;
}

/** "spread over the minute (~833 due each second)" or "all due at the minute's first instant". */
export function describeShape(shape: Shape, amount: number): string {
  return shape === 'spread'
    ? `spread over the minute, whole seconds (~${Math.round(amount / 60)} due each second)`
    : 'all due at the same instant, the minute boundary';
}
