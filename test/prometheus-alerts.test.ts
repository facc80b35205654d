import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { systems } from '../src/main.ts';
import { startTestServer, type TestServer } from './helpers.ts';

// deploy/prometheus/meridian-alerts.yml is only useful if the metrics it names exist: every
// meridian_* name in its expressions must be a family a fresh server exports at /metrics (a
// histogram's _bucket/_count/_sum by its family), so a renamed metric fails here, not silently
// in an operator's Prometheus.

interface RuleFile {
  groups: { name: string; rules: { alert: string; expr: string; labels?: object }[] }[];
}

const file = new URL('../deploy/prometheus/meridian-alerts.yml', import.meta.url);
const rules = (parse(readFileSync(file, 'utf8')) as RuleFile).groups.flatMap((g) => g.rules);

let server: TestServer;

beforeAll(async () => {
  // Every system, as `npm start` runs them: the rules read their metrics too.
  server = await startTestServer({ systems });
});

/** The metric families of /metrics: every `# TYPE name kind` line. */
async function exportedFamilies(): Promise<Map<string, string>> {
  const text = await (await fetch(new URL('/metrics', server.url))).text();
  const families = new Map<string, string>();
  for (const [, name, kind] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    families.set(name as string, kind as string);
  }
  return families;
}

describe('deploy/prometheus/meridian-alerts.yml', () => {
  it('names alerts with a severity and an expression each, once', () => {
    expect(rules.length).toBeGreaterThan(5);
    const names = rules.map((rule) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of rules) {
      expect(rule.expr, rule.alert).toEqual(expect.any(String));
      expect(rule.labels, rule.alert).toMatchObject({ severity: expect.any(String) });
    }
  });

  it('reads only metrics Meridian exports', async () => {
    // A request first, so the HTTP histogram has been created with its labels.
    await fetch(new URL('/healthz', server.url));
    const families = await exportedFamilies();
    const named = new Set(rules.flatMap((rule) => rule.expr.match(/\bmeridian_\w+/g) ?? []));
    expect(named.size).toBeGreaterThan(5);
    for (const name of named) {
      const family = name.replace(/_(bucket|count|sum)$/, '');
      const kind = families.get(name) ?? families.get(family);
      expect(kind, `${name} is not exported at /metrics`).toBeDefined();
      if (name !== family && !families.has(name)) expect(kind, name).toBe('histogram');
    }
  });
});
