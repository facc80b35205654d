import { existsSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { systems } from '../src/main.ts';
import { consoleDir } from '../src/platform/http/console.ts';
import { chromiumPath, launchChromium } from './chromium.ts';
import { type Api, apiClient, signUp, startTestServer, type TestServer } from './helpers.ts';

// The console's tests drive Debian's Chromium (`npm test` installs it: test/ensure-chromium.sh)
// against a real Meridian on its own database, serving the console built by `npm ci`
// (`npm run build:web` after a change).

/** Why the console's tests cannot run here, or undefined when they can. */
export const consoleTestsBlocked = !existsSync(chromiumPath)
  ? `no Chromium at ${chromiumPath} (npm test installs it when it may: test/ensure-chromium.sh)`
  : !existsSync(`${consoleDir}/index.html`)
    ? 'the console is not built (npm run build:web)'
    : undefined;

/**
 * A browser test's steps each wait for what they assert; this bounds a whole test, generously: a
 * 2-core machine running the suite two files at a time is slow and uneven.
 */
export const consoleTestTimeout = 120_000;

export interface ConsoleTest {
  server: TestServer;
  api: Api;
  browser: Browser;
  url: string;
}

/** A Meridian with every system, and one headless Chromium, both closed after the file. */
export async function startConsoleTest(env: Record<string, string> = {}): Promise<ConsoleTest> {
  const server = await startTestServer({ systems, env });
  const browser = await launchChromium();
  afterAll(() => browser.close());
  return { server, api: apiClient(server.url), browser, url: server.url };
}

export interface SignedInPage {
  page: Page;
  context: BrowserContext;
  user: Awaited<ReturnType<typeof signUp>>;
}

/**
 * A user signed up through the API and a browser context of their own, signed in (the token
 * where the console keeps it), on `path`. Sign-up through the form is a test of its own.
 */
export async function signedInPage(
  test: ConsoleTest,
  path = '/',
  user?: Awaited<ReturnType<typeof signUp>>,
): Promise<SignedInPage> {
  const who = user ?? (await signUp(test.api));
  const context = await test.browser.newContext({
    baseURL: test.url,
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript((token) => {
    if (!localStorage.getItem('meridian.token')) localStorage.setItem('meridian.token', token);
  }, who.token);
  const page = await context.newPage();
  failOnPageErrors(page);
  await page.goto(path);
  return { page, context, user: who };
}

/** An uncaught exception in the page fails the test that caused it. */
export function failOnPageErrors(page: Page): void {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  afterAll(() => expect(errors).toEqual([]));
}

/** Creates an organisation for `token` through the API; returns its id. */
export async function createOrganisation(api: Api, token: string, name = 'Acme'): Promise<string> {
  const response = await api('POST', '/v1/orgs', { token, body: { name } });
  if (response.status !== 201) throw new Error(`org: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page; returns the serious and critical violations, each with its nodes. */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axe.source });
  // Runs in the page, where `axe` is the script just added.
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run(
      { exclude: [] },
      {
        resultTypes: ['violations'],
      },
    ),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** Both themes pass: the page is checked as it is, then with the system set to dark. */
export async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await accessibilityViolations(page), `${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Saves the page as docs/screenshots/<name>.png, so the docs show the console as it is. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: new URL(`../docs/screenshots/${name}.png`, import.meta.url).pathname,
  });
}
