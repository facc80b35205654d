#!/usr/bin/env node
// Node 24 runs the TypeScript sources directly (type stripping): there is no build step. npm
// scripts and `npx meridian` run the Node 24 that `npm ci` installs (the `node` dev dependency);
// any other Node would fail on the first `.ts` import, so it gets one line saying what to do.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `meridian: needs Node 24 or later (this is ${process.version}); run it through npm (npm start, npx meridian), which uses the Node that npm ci installs`,
  );
  process.exit(2);
}
const { runCommandLine } = await import('../src/main.ts');
await runCommandLine();
