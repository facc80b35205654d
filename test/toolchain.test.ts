import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

describe('the toolchain', () => {
  it('runs on the Node that package.json pins, not the machine’s own', () => {
    const pinned = Number(packageJson.devDependencies.node.replace(/^\D*/, '').split('.')[0]);
    expect(Number(process.versions.node.split('.')[0])).toBe(pinned);
    expect(pinned).toBeGreaterThanOrEqual(24);
  });
});
