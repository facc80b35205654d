import { chromium } from 'playwright-core';

// Debian's Chromium, as the console's tests and bench/console.ts start it.

export const chromiumPath = '/usr/bin/chromium';

/**
 * Headless, as root (no sandbox), without the background connections that this machine's
 * closed network refuses (many at a time, at every start).
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
