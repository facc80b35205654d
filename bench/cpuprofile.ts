// Where a process's CPU went, from the V8 CPU profile a bench wrote (BENCH_PROFILE_DIR): busy
// time by area (a package, a src/ folder, Node's internals), with the socket writes split by who
// writes (the pg driver, or an HTTP response: a loopback write costs a wake-up of the reader), and
// the top self-time functions. Samples before the first one under `--from <function>` (say
// `adjustStock`) are left out, so a server's start does not count. Run:
// `node bench/cpuprofile.ts <file.cpuprofile> [--from adjustStock] [--top 25]`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, top: { type: 'string', default: '25' } },
});
const profile = JSON.parse(readFileSync(positionals[0] ?? '', 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parents.set(child, node.id);

function stackOf(id: number): CallFrame[] {
  const frames: CallFrame[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const node = nodes.get(at);
    if (node) frames.push(node.callFrame);
  }
  return frames;
}

const shortUrl = (url: string) =>
  url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');

function areaOf(stack: CallFrame[]): string {
  const [leaf] = stack;
  if (!leaf) return '?';
  if (/^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(leaf.functionName)) {
    const writer = stack.find((frame) => /node_modules\/pg\/|_http_outgoing/.test(frame.url));
    if (writer?.url.includes('/pg/')) return 'socket write: to PostgreSQL (pg)';
    if (writer) return 'socket write: HTTP response';
    return 'socket write: other';
  }
  if (!leaf.url) return leaf.functionName; // (idle), (garbage collector), (program), natives
  const pkg = leaf.url.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  if (leaf.url.startsWith('node:')) return `node:${leaf.url.slice(5).split('/')[0]}`;
  return shortUrl(leaf.url).replace(/\/[^/]*$/, '');
}

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
let counting = values.from === undefined;
for (let i = 0; i < profile.samples.length; i++) {
  const stack = stackOf(profile.samples[i] ?? 0);
  if (!counting) counting = stack.some((frame) => frame.functionName === values.from);
  const [leaf] = stack;
  if (!counting || !leaf || leaf.functionName === '(idle)') continue;
  const micros = profile.timeDeltas[i] ?? 0;
  busy += micros;
  const area = areaOf(stack);
  byArea.set(area, (byArea.get(area) ?? 0) + micros);
  const name = `${leaf.functionName || '(anonymous)'} ${shortUrl(leaf.url)}:${leaf.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
}

const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%`;
const top = Number(values.top);
console.log(
  `busy ${(busy / 1e6).toFixed(2)} s${values.from ? ` from the first ${values.from}` : ''}`,
);
console.log('\nself time by area:');
for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${share(micros)}  ${area}`);
}
console.log('\ntop self-time functions:');
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${share(micros)}  ${name}`);
}
