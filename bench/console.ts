// The web console's two figures (issue 15), in headless Chromium (Debian's, /usr/bin/chromium)
// against `meridian serve` on loopback with its embedded PostgreSQL (or a fresh database on
// BENCH_DATABASE_URL):
// - the JavaScript a signed-in first page loads (the shell and the section it opens), gzipped as
//   the build wrote it and as the browser was sent it (brotli);
// - the time from navigation to the first task list and the first home timeline rendered with
//   their rows, cold (a new browser context: nothing cached) and warm (assets cached), beside the
//   same browser loading a blank page from the same server (the floor).
// Run: `npm run bench:console` (BENCH_RUNS navigations each, default 20; about a minute).
// Prints the table and rewrites the "Web console" section of docs/benchmarks.md.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../src/platform/db/embedded.ts';
import { launchChromium } from '../test/chromium.ts';
import { percentile, recordSection } from './results.ts';
import {
  freshDatabaseLabel,
  loadAverage,
  machine,
  revisionOf,
  root,
  signup,
  startMeridian,
  withBenchDir,
} from './servers.ts';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const dist = path.join(root, 'web/dist');
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** The pages measured: where they are and what marks them rendered (with at least one row). */
const views = [
  {
    name: 'task list (/scheduler)',
    path: '/scheduler',
    rendered: '[data-testid="task-list"] li, [data-testid="task-list"] tr',
  },
  {
    name: 'home timeline (/social)',
    path: '/social',
    rendered: '[data-testid="timeline"] article',
  },
];

interface Timing {
  cold: number[];
  warm: number[];
}

async function main(): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error('build the console first: npm run build:web');
  await withBenchDir(async (dir) => {
    progress('starting Meridian…');
    const meridian = await startMeridian(dir, await freePort(), { RATE_LIMIT_PER_MINUTE: '0' });
    const token = await signup(meridian.url);
    await seed(meridian.url, token);
    const browser = await launchChromium();
    try {
      const shipped = await firstPageScripts(browser, meridian.url, token);
      const timings = new Map<string, Timing>();
      timings.set(
        'blank page (/favicon.svg)',
        await timeViews(browser, meridian.url, token, '/favicon.svg', 'svg'),
      );
      for (const view of views) {
        progress(`timing ${view.name}…`);
        timings.set(
          view.name,
          await timeViews(browser, meridian.url, token, view.path, view.rendered),
        );
      }
      await report(shipped, timings);
    } finally {
      await browser.close();
    }
  });
}

/** A few tasks and posts, so that the lists have rows to render. */
async function seed(url: string, token: string): Promise<void> {
  const post = (route: string, body: unknown) =>
    fetch(`${url}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
    });
  for (let i = 0; i < 25; i++) {
    await post('/v1/tasks', {
      name: `report ${i}`,
      schedule: { frequency: 'daily', start: '2026-01-01T09:00:00Z', timezone: 'Europe/Paris' },
    });
    await post('/v1/social/posts', { text: `Post number ${i} on the bench timeline` });
  }
}

type Browser = Awaited<ReturnType<typeof launchChromium>>;

// Runs in the page (a string: this file is typed for Node, not the DOM). Records, in the page's
// own clock (ms since navigation start), when `window.benchSelector` first matches.
const recordRendered = `
  new MutationObserver(() => {
    if (window.benchSelector && !('benchRendered' in window) &&
        document.querySelector(window.benchSelector)) window.benchRendered = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

// The page's script resources: path and bytes as sent (encoded).
const scriptsLoaded = `performance.getEntriesByType('resource')
  .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
  .map((entry) => ({ path: new URL(entry.name).pathname, transferred: entry.encodedBodySize }))`;

async function signedInContext(browser: Browser, url: string, token: string) {
  const context = await browser.newContext({ baseURL: url });
  await context.addInitScript((value) => localStorage.setItem('meridian.token', value), token);
  await context.addInitScript({ content: recordRendered });
  return context;
}

/** Milliseconds from navigation start to `selector` in the DOM: cold contexts, then one warm. */
async function timeViews(
  browser: Browser,
  url: string,
  token: string,
  route: string,
  selector: string,
): Promise<Timing> {
  const once = async (page: Page) => {
    await page.addInitScript({ content: `window.benchSelector = ${JSON.stringify(selector)};` });
    await page.goto(route);
    await page.waitForSelector(selector, { timeout: 30_000 });
    return page.evaluate<number>('window.benchRendered ?? performance.now()');
  };
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await signedInContext(browser, url, token);
    cold.push(await once(await context.newPage()));
    await context.close();
  }
  const warm: number[] = [];
  const context = await signedInContext(browser, url, token);
  await once(await context.newPage());
  for (let i = 0; i < runs; i++) warm.push(await once(await context.newPage()));
  await context.close();
  return { cold, warm };
}

interface Shipped {
  files: string[];
  gzipBytes: number;
  transferredBytes: number;
}

/** The scripts a signed-in visit to /scheduler loads, by name, and their compressed sizes. */
async function firstPageScripts(browser: Browser, url: string, token: string): Promise<Shipped> {
  const context = await signedInContext(browser, url, token);
  const page = await context.newPage();
  await page.goto('/scheduler');
  await page.waitForSelector(views[0]?.rendered ?? '', { timeout: 30_000 });
  const scripts = await page.evaluate<{ path: string; transferred: number }[]>(scriptsLoaded);
  await context.close();
  let gzipBytes = 0;
  for (const script of scripts)
    gzipBytes += (await stat(path.join(dist, `${script.path}.gz`))).size;
  return {
    files: scripts.map((script) => path.basename(script.path)),
    gzipBytes,
    transferredBytes: scripts.reduce((sum, script) => sum + script.transferred, 0),
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function report(shipped: Shipped, timings: Map<string, Timing>): Promise<void> {
  const blank = timings.get('blank page (/favicon.svg)');
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  const rows = [...timings].map(([name, { cold, warm }]) => {
    const sortedCold = [...cold].sort((a, b) => a - b);
    const ratio = blank ? (median(cold) / median(blank.cold)).toFixed(1) : '–';
    return `| ${name} | ${ms(median(cold))} | ${ms(percentile(sortedCold, 95))} | ${ms(median(warm))} | ${ratio}× |`;
  });
  const worstCold = Math.max(...views.map((view) => median(timings.get(view.name)?.cold ?? [0])));
  const section = [
    '## Web console (`bench/console.ts`)',
    '',
    `${await machine()}, headless Chromium (Debian's), ${freshDatabaseLabel}; Meridian ${revisionOf()},`,
    `load average ${loadAverage()} at the end. ${runs} navigations each.`,
    '',
    '**JavaScript for the first page** (a signed-in visit to `/scheduler`: the shell and the',
    `scheduler's chunk): **${kb(shipped.gzipBytes)} gzipped** (aim ≤ 200 KB), ${kb(shipped.transferredBytes)} as sent`,
    `(brotli). Files: ${shipped.files.map((file) => `\`${file}\``).join(', ')}.`,
    '',
    '**Navigation to the first list rendered** with its rows, in ms from navigation start (the',
    "page's clock), on loopback. Cold: a new browser context each time (no cache, a new",
    'WebSocket, the API read anew); warm: the same context, assets cached. Aim < 1 s.',
    '',
    '| page | cold median | cold p95 | warm median | cold ÷ blank page |',
    '| --- | --: | --: | --: | --: |',
    ...rows,
    '',
    `The slower of the two lists, cold, at the median: **${ms(worstCold)}**${worstCold < 1000 ? ' (under the aim)' : ' (over the aim of 1 s)'}.`,
  ].join('\n');
  process.stdout.write(`${section}\n`);
  await recordSection('console', section);
}

await main();
