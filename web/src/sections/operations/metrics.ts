import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiProblem } from '../../app/api';
import { keys } from './access';

/** One sample of the Prometheus text format: its labels and value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** Metric name → its samples, as read from `GET /metrics`. */
export type Metrics = Map<string, Sample[]>;

const sampleLine = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const labelPair = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/**
 * Reads the Prometheus text exposition format: enough for the few series the section charts
 * (names, labels, values; comments and timestamps skipped).
 */
export function parseMetrics(text: string): Metrics {
  const metrics: Metrics = new Map();
  for (const line of text.split('\n')) {
    const match = sampleLine.exec(line);
    if (!match) continue;
    const [, name = '', labelText = '', valueText = ''] = match;
    const labels: Record<string, string> = {};
    for (const [, key = '', value = ''] of labelText.matchAll(labelPair)) {
      labels[key] = value.replace(/\\(.)/g, (_, escaped) => (escaped === 'n' ? '\n' : escaped));
    }
    const samples = metrics.get(name) ?? [];
    samples.push({ labels, value: Number(valueText) });
    metrics.set(name, samples);
  }
  return metrics;
}

/** The sum of a metric's samples whose labels include `where`. */
export function sumOf(metrics: Metrics, name: string, where: Record<string, string> = {}): number {
  return (metrics.get(name) ?? [])
    .filter((sample) => Object.entries(where).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** Unfinished and dead jobs per queue and state (`meridian_jobs`, read from the database). */
export function jobCounts(metrics: Metrics): Map<string, Record<string, number>> {
  const queues = new Map<string, Record<string, number>>();
  for (const { labels, value } of metrics.get('meridian_jobs') ?? []) {
    const queue = labels.queue ?? '';
    queues.set(queue, { ...queues.get(queue), [labels.state ?? '']: value });
  }
  return queues;
}

export const sampleEveryMs = 5000;

async function fetchMetrics(): Promise<Metrics> {
  let response: Response;
  try {
    response = await fetch('/metrics');
  } catch {
    throw new ApiProblem(0, {
      title: 'Meridian cannot be reached',
      detail: 'The metrics could not be read. Check the connection.',
    });
  }
  if (!response.ok) {
    throw new ApiProblem(response.status, { title: `The metrics answered ${response.status}` });
  }
  return parseMetrics(await response.text());
}

/** `GET /metrics`, read again every few seconds while a view shows it. */
export function useMetrics() {
  return useQuery({
    queryKey: keys.metrics,
    queryFn: fetchMetrics,
    refetchInterval: sampleEveryMs,
    staleTime: 0,
  });
}

/** One point of the live charts: rates per second since the previous reading, and a gauge. */
export interface Reading {
  at: number;
  jobsCompleted: number;
  requests: number;
  queueDepth: number;
}

export interface Rates {
  at: number[];
  jobsPerSecond: (number | null)[];
  requestsPerSecond: (number | null)[];
  queueDepth: number[];
}

const keptReadings = 61;

/**
 * The readings of the counters the charts show, kept while the section is open (five minutes),
 * and their rates. A counter that went down (another process behind a load balancer answered, or
 * one restarted) gives no rate for that step rather than a negative one.
 */
export function useRates(metrics: Metrics | undefined, updatedAt: number): Rates {
  const [readings, setReadings] = useState<Reading[]>([]);
  useEffect(() => {
    if (!metrics) return;
    const reading: Reading = {
      at: updatedAt,
      jobsCompleted: sumOf(metrics, 'meridian_jobs_completed_total'),
      requests: sumOf(metrics, 'meridian_http_request_duration_seconds_count'),
      queueDepth: sumOf(metrics, 'meridian_jobs', { state: 'available' }),
    };
    setReadings((kept) => [...kept, reading].slice(-keptReadings));
  }, [metrics, updatedAt]);
  return ratesOf(readings);
}

function ratesOf(readings: Reading[]): Rates {
  const steps = readings.slice(1).map((reading, index) => ({
    reading,
    before: readings[index] as Reading,
  }));
  const rate = (key: 'jobsCompleted' | 'requests') =>
    steps.map(({ reading, before }) => {
      const delta = reading[key] - before[key];
      const seconds = (reading.at - before.at) / 1000;
      return delta >= 0 && seconds > 0 ? delta / seconds : null;
    });
  return {
    at: steps.map(({ reading }) => reading.at / 1000),
    jobsPerSecond: rate('jobsCompleted'),
    requestsPerSecond: rate('requests'),
    queueDepth: steps.map(({ reading }) => reading.queueDepth),
  };
}
