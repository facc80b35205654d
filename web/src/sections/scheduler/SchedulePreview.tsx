import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../app/api';
import { asProblem } from '../../app/ui';
import type { Schedule } from './tasks';

/** `value`, once it has stopped changing for `ms`: one preview per pause in typing. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A formatter on `zone`'s clock; the browser's own while the zone is not one (still typed). */
function formatIn(zone: string): Intl.DateTimeFormat {
  const style = { dateStyle: 'full', timeStyle: 'short' } as const;
  try {
    return new Intl.DateTimeFormat(undefined, { ...style, timeZone: zone });
  } catch {
    return new Intl.DateTimeFormat(undefined, style);
  }
}

/**
 * The next due times of the schedule being filled in, from the API (`POST /v1/tasks/preview`),
 * which checks it as a create would: the browser repeats none of the time-zone or cron rules.
 */
export function SchedulePreview({ schedule }: { schedule: Schedule }) {
  // As text: the form makes a new schedule object at every render.
  const settled = JSON.parse(useSettled(JSON.stringify(schedule), 400)) as Schedule;
  const preview = useQuery({
    queryKey: ['scheduler', 'preview', settled],
    queryFn: () => call(api.POST('/v1/tasks/preview', { body: { schedule: settled, count: 5 } })),
    enabled: Boolean(settled.start),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const zone = settled.timezone ?? 'UTC';
  const inZone = formatIn(zone);
  return (
    <section className="preview" aria-labelledby="schedule-preview" aria-live="polite">
      <h3 id="schedule-preview">Next runs</h3>
      {!settled.start ? (
        <p className="muted">Choose a start to see when it runs.</p>
      ) : preview.isError ? (
        <p className="muted">
          No preview:{' '}
          {asProblem(preview.error).errors[0]?.message ?? asProblem(preview.error).title}
        </p>
      ) : preview.data?.occurrences.length === 0 ? (
        <p className="muted">This schedule has no run left.</p>
      ) : (
        <ol data-testid="schedule-preview">
          {preview.data?.occurrences.map((at) => (
            <li key={at}>
              <time dateTime={at}>{inZone.format(new Date(at))}</time>{' '}
              <span className="muted">({zone})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
