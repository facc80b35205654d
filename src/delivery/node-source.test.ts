import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNameProblem, parseNodeList } from './node-list.ts';
import {
  diffNodes,
  type NodeSource,
  NodeSourceError,
  parseNodeSource,
  parseS3Endpoint,
  readNodeSource,
} from './node-source.ts';

// Node sources against real servers: a node:http server on 127.0.0.1 that serves ETags, answers
// 304, stalls, pours without end and fails on demand; s3rver for s3:// with keys and ETags. Then
// the list formats and the name rules, with hostile input, and the diff as a property.

/** The NodeSourceError a read or parse failed with (the test fails if it failed otherwise). */
async function failureOf(work: Promise<unknown> | (() => unknown)): Promise<NodeSourceError> {
  const error = await (typeof work === 'function' ? Promise.resolve().then(work) : work).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NodeSourceError);
  return error as NodeSourceError;
}

const etagOf = (body: string) =>
  `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

describe('an https source (served over http with allowHttp)', () => {
  let server: Server;
  let origin: string;
  let list = '';
  const seen: { path: string; ifNoneMatch: string | undefined }[] = [];
  const endless = { closed: false, bytes: 0 };

  /** Writes the list of nodes forever, as fast as the reader takes it, until the reader leaves. */
  function pour(response: ServerResponse) {
    const chunk = Buffer.from('web-1\n'.repeat(2_000));
    const write = () => {
      while (!response.destroyed && response.write(chunk)) endless.bytes += chunk.length;
    };
    response.on('drain', write);
    response.on('close', () => {
      endless.closed = true;
    });
    response.writeHead(200, { 'content-type': 'text/plain' });
    write();
  }

  function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', origin);
    seen.push({ path: url.pathname, ifNoneMatch: request.headers['if-none-match'] });
    const status = /^\/status\/(\d+)$/.exec(url.pathname)?.[1];
    if (status) {
      response.writeHead(Number(status), { location: '/elsewhere' }).end('no list here');
    } else if (url.pathname === '/nodes') {
      const etag = etagOf(list);
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
      } else {
        response.writeHead(200, { etag, 'content-type': 'text/plain' }).end(list);
      }
    } else if (url.pathname === '/no-etag') {
      response.writeHead(200).end('["web-1"]');
    } else if (url.pathname === '/endless') {
      pour(response);
    } else if (url.pathname === '/declares-a-gigabyte') {
      response.writeHead(200, { 'content-length': 1_000_000_000 }).flushHeaders();
    } else if (url.pathname === '/stalls-mid-body') {
      response.writeHead(200).write('web-1\nweb-2\n');
    } else if (url.pathname === '/cut-short') {
      response.writeHead(200, { 'content-length': 100 }).write('web-1\n');
      response.socket?.destroy();
    }
    // Anything else (/stalls) is never answered.
  }

  const source = (pathname: string): NodeSource =>
    parseNodeSource(`${origin}${pathname}`, { allowHttp: true });
  const read = (pathname: string, options: Parameters<typeof readNodeSource>[1] = {}) =>
    readNodeSource(source(pathname), { allowPrivate: true, timeoutMs: 5_000, ...options });

  beforeAll(async () => {
    server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads a list, is told "not modified" for its ETag, and sees a change', async () => {
    list = '# rack 1\nweb-1\nweb-2\n';
    const first = await read('/nodes');
    expect(first).toEqual({ changed: true, etag: etagOf(list), nodes: ['web-1', 'web-2'] });
    if (!first.changed) return;

    expect(await read('/nodes', { etag: first.etag })).toEqual({ changed: false });
    expect(seen.at(-1)).toEqual({ path: '/nodes', ifNoneMatch: first.etag });

    list = JSON.stringify([{ name: 'web-2' }, { id: 'web-3', rack: 2 }]);
    const second = await read('/nodes', { etag: first.etag });
    expect(second).toEqual({ changed: true, etag: etagOf(list), nodes: ['web-2', 'web-3'] });
    if (!second.changed) return;
    expect(second.etag).not.toBe(first.etag);
    expect(diffNodes(first.nodes, second.nodes)).toEqual({ added: ['web-3'], removed: ['web-1'] });
  });

  it('reads a source without an ETag in full every time', async () => {
    expect(await read('/no-etag')).toEqual({ changed: true, etag: undefined, nodes: ['web-1'] });
  });

  it('refuses an endless body while it streams, and hangs up on it', async () => {
    const error = await failureOf(read('/endless', { maxBytes: 64 * 1024 }));
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('65536 bytes');
    await expect.poll(() => endless.closed).toBe(true);
  });

  it('refuses a body whose declared length is too large before reading it', async () => {
    const error = await failureOf(read('/declares-a-gigabyte', { maxBytes: 1024 }));
    expect(error.kind).toBe('too-large');
  });

  it('gives up on a server that does not answer, or stops half-way', async () => {
    expect((await failureOf(read('/stalls', { timeoutMs: 300 }))).kind).toBe('timeout');
    const midway = await failureOf(read('/stalls-mid-body', { timeoutMs: 300 }));
    expect(midway.kind).toBe('timeout');
    expect(midway.message).toContain('300 ms');
  });

  it('refuses a body cut short of its length', async () => {
    expect((await failureOf(read('/cut-short'))).kind).toBe('unreachable');
  });

  it('stops when the caller cancels, with the caller’s reason', async () => {
    const controller = new AbortController();
    const before = seen.length;
    const reading = read('/stalls', { signal: controller.signal });
    await expect.poll(() => seen.length).toBe(before + 1);
    controller.abort(new Error('shutting down'));
    await expect(reading).rejects.toThrow('shutting down');
  });

  it.each([
    [401, 'denied'],
    [403, 'denied'],
    [404, 'not-found'],
    [410, 'not-found'],
    [500, 'server-error'],
    [503, 'server-error'],
    [301, 'unexpected-status'],
    [400, 'unexpected-status'],
    [204, 'unexpected-status'],
  ])('turns a %i into %s', async (status, kind) => {
    const error = await failureOf(read(`/status/${status}`));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(String(status));
  });

  it('names the redirect it did not follow', async () => {
    expect((await failureOf(read('/status/302'))).message).toContain('/elsewhere');
  });

  it('refuses a malformed list whole, naming the first bad line', async () => {
    list = 'web-1\nweb-2\n\nweb 3\nweb/4\n';
    const error = await failureOf(read('/nodes'));
    expect(error.kind).toBe('malformed');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^line 4: "web 3" holds " "/);

    list = '["web-1", ';
    expect((await failureOf(read('/nodes'))).kind).toBe('malformed');
  });

  it('refuses a closed port as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const gone = parseNodeSource(`http://127.0.0.1:${port}/nodes`, { allowHttp: true });
    const error = await failureOf(readNodeSource(gone, { allowPrivate: true }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses loopback unless the operator allows private addresses, names included', async () => {
    const before = seen.length;
    const literal = await failureOf(readNodeSource(source('/nodes')));
    expect(literal.kind).toBe('refused');
    const named = parseNodeSource(`${origin.replace('127.0.0.1', 'localhost')}/nodes`, {
      allowHttp: true,
    });
    expect((await failureOf(readNodeSource(named))).kind).toBe('refused');
    expect(seen.length).toBe(before);
  });
});

describe('an s3:// source (s3rver)', () => {
  const key = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  let dir: string;
  let s3rver: S3rver;
  let endpoint: string;
  let owner: S3Client;

  const put = (objectKey: string, body: string) =>
    owner.send(new PutObjectCommand({ Bucket: 'fleet', Key: objectKey, Body: body }));
  const read = (location: string, options: Parameters<typeof readNodeSource>[1] = {}) =>
    readNodeSource(parseNodeSource(location), {
      credentials: key,
      s3Endpoint: endpoint,
      allowPrivate: true,
      timeoutMs: 5_000,
      ...options,
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-node-source-'));
    s3rver = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'fleet' }],
    });
    const { address, port } = await s3rver.run();
    endpoint = parseS3Endpoint(`http://${address}:${port}`, { allowHttp: true });
    owner = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: key,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  });
  afterAll(async () => {
    owner.destroy();
    await s3rver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads with the service’s key, is told "not modified", and sees a change', async () => {
    await put('prod/nodes.json', '["web-1", "web-2"]');
    const first = await read('s3://fleet/prod/nodes.json');
    expect(first).toMatchObject({ changed: true, nodes: ['web-1', 'web-2'] });
    if (!first.changed) return;
    expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);

    expect(await read('s3://fleet/prod/nodes.json', { etag: first.etag })).toEqual({
      changed: false,
    });

    await put('prod/nodes.json', 'web-2\nweb-3\n');
    const second = await read('s3://fleet/prod/nodes.json', { etag: first.etag });
    expect(second).toMatchObject({ changed: true, nodes: ['web-2', 'web-3'] });
    if (!second.changed) return;
    expect(second.etag).not.toBe(first.etag);
    expect(diffNodes(first.nodes, second.nodes)).toEqual({ added: ['web-3'], removed: ['web-1'] });
  });

  it('says which is missing, the key or the bucket', async () => {
    const key = await failureOf(read('s3://fleet/no/such/key'));
    expect(key.kind).toBe('not-found');
    expect(key.message).toContain('NoSuchKey');
    const bucket = await failureOf(read('s3://no-such-bucket/nodes'));
    expect(bucket.kind).toBe('not-found');
    expect(bucket.message).toContain('no such bucket');
  });

  // s3rver knows one key id and does not verify SigV4 signatures, so a wrong secret with the
  // right key id would pass there; an unknown key id is what it can refuse.
  it('is denied with a key the store does not know', async () => {
    await put('denied.txt', 'web-1');
    const error = await failureOf(
      read('s3://fleet/denied.txt', {
        credentials: { accessKeyId: 'NOBODY', secretAccessKey: 'x' },
      }),
    );
    expect(error.kind).toBe('denied');
    expect(error.message).toContain('InvalidAccessKeyId');
  });

  it('needs the service’s own key: Meridian’s identity never reads a customer’s bucket', async () => {
    const error = await failureOf(read('s3://fleet/prod/nodes.json', { credentials: undefined }));
    expect(error.kind).toBe('invalid');
  });

  it('refuses an object larger than the limit', async () => {
    await put('big.txt', 'web-1\n'.repeat(1_000));
    const error = await failureOf(read('s3://fleet/big.txt', { maxBytes: 1_000 }));
    expect(error.kind).toBe('too-large');
  });

  it('gives up on an endpoint that does not answer, or stops half-way through the object', async () => {
    const stalling = createServer((request, response) => {
      if (request.url?.startsWith('/fleet/half')) {
        response.writeHead(200, { 'content-length': 100, etag: '"1"' }).write('web-1\n');
      }
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const { port } = stalling.address() as AddressInfo;
    try {
      for (const location of ['s3://fleet/silent', 's3://fleet/half']) {
        const options = { s3Endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 };
        expect((await failureOf(read(location, options))).kind).toBe('timeout');
      }
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  it('refuses an endpoint on a loopback address unless the operator allows it', async () => {
    const error = await failureOf(read('s3://fleet/prod/nodes.json', { allowPrivate: false }));
    expect(error.kind).toBe('refused');
  });
});

describe('parseNodeSource', () => {
  it('takes s3:// locations and https URLs, and http ones only when allowed', () => {
    expect(parseNodeSource(' s3://acme.fleet-1/prod/nodes.json ')).toEqual({
      kind: 's3',
      location: 's3://acme.fleet-1/prod/nodes.json',
      bucket: 'acme.fleet-1',
      key: 'prod/nodes.json',
    });
    // A key is taken as written: S3 keys may hold "%", "?" and "#".
    expect(parseNodeSource('s3://fleet/a%20b?c#d')).toMatchObject({ key: 'a%20b?c#d' });
    expect(parseNodeSource('https://nodes.example.com/svc/list?token=abc#top')).toEqual({
      kind: 'http',
      location: 'https://nodes.example.com/svc/list?token=abc',
      url: 'https://nodes.example.com/svc/list?token=abc',
    });
    expect(parseNodeSource('http://localhost:8080/nodes', { allowHttp: true })).toMatchObject({
      kind: 'http',
    });
  });

  it.each([
    ['ftp://example.com/nodes', 'ftp: is not'],
    ['file:///etc/hosts', 'file: is not'],
    ['javascript:alert(1)', 'javascript: is not'],
    ['http://example.com/nodes', 'use https'],
    ['https://user:pass@example.com/nodes', 'must not carry a user name or password'],
    ['https://token@example.com/nodes', 'must not carry a user name or password'],
    ['https:///nodes', 'has no host'],
    ['https:nodes', 'has no host'],
    ['https://', 'is not a URL'],
    ['nodes.txt', 'is not a URL'],
    ['', 'is not a URL'],
    ['s3://Fleet/nodes', 'lower-case letters'],
    ['s3://fleet_1/nodes', 'lower-case letters'],
    ['s3://ab/nodes', '3 to 63'],
    ['s3://-fleet/nodes', 'begin and end'],
    ['s3://fleet./nodes', 'begin and end'],
    ['s3://my..fleet/nodes', 'two dots'],
    ['s3://192.168.1.1/nodes', 'IP address'],
    ['s3://xn--fleet/nodes', 'reserved'],
    ['s3://fleet-s3alias/nodes', 'reserved'],
    ['s3://user:pass@fleet/nodes', 'lower-case letters'],
    ['s3://fleet', 'no object'],
    ['s3://fleet/', 'no object'],
    ['s3://fleet/a\tb', 'control character'],
  ])('refuses %j', async (location, why) => {
    const error = await failureOf(() => parseNodeSource(location));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain(why);
  });

  it.each([
    [`https://example.com/${'a'.repeat(2048)}`, 'at most 2048 characters'],
    [`s3://${'a'.repeat(64)}/nodes`, '3 to 63'],
    [`s3://fleet/${'k'.repeat(1025)}`, 'at most 1024 bytes'],
  ])('refuses an over-long location (%#)', async (location, why) => {
    expect((await failureOf(() => parseNodeSource(location))).message).toContain(why);
  });

  it('takes an S3-compatible endpoint as an origin', async () => {
    expect(parseS3Endpoint('https://minio.example.com:9000/')).toBe(
      'https://minio.example.com:9000',
    );
    expect((await failureOf(() => parseS3Endpoint('https://minio.example.com/bucket'))).kind).toBe(
      'invalid',
    );
    expect((await failureOf(() => parseS3Endpoint('http://minio.example.com'))).kind).toBe(
      'invalid',
    );
  });
});

describe('parseNodeList', () => {
  it('reads JSON arrays of names and of objects, and lines with comments', () => {
    expect(parseNodeList('  ["web-1", "db:5432", "a_b.c"]')).toEqual(['web-1', 'db:5432', 'a_b.c']);
    expect(parseNodeList('[{"name": "web-1", "id": "x"}, {"id": "web-2"}, "web-3"]')).toEqual([
      'web-1',
      'web-2',
      'web-3',
    ]);
    const text = '\uFEFF# fleet\r\n  web-1  \r\n\r\nweb-2 # spare\n#web-3\n\tweb-4';
    expect(parseNodeList(Buffer.from(text))).toEqual(['web-1', 'web-2', 'web-4']);
    expect(parseNodeList('')).toEqual([]);
    expect(parseNodeList('[]')).toEqual([]);
  });

  it('merges exact duplicates, keeps case, and keeps the order of first mention', () => {
    expect(parseNodeList('web-2\nWeb-1\nweb-2\nweb-1\nWeb-1')).toEqual(['web-2', 'Web-1', 'web-1']);
  });

  it.each([
    ['["web-1", "web/2"]', 'element 2 of the array: "web/2" holds "/"'],
    ['["web-1", ""]', 'element 2 of the array: "" is empty'],
    ['["web-1", 7]', 'element 2 of the array is a number'],
    ['[null]', 'element 1 of the array is null'],
    ['[["web-1"]]', 'element 1 of the array is an array'],
    ['[{"host": "web-1"}]', 'neither a "name" nor an "id"'],
    ['[{"name": 7}]', '"name" is not a string'],
    ['{"nodes": ["web-1"]}', 'not an array'],
    ['["web-1",', 'not valid JSON'],
    ['[1e999999999999', 'not valid JSON'],
    ['web-1\n..\n', 'line 2: ".." is only dots'],
    ['web-1\nnöde\n', 'line 2: "nöde" holds "ö"'],
    ['web-1\n<script>\n', 'line 2: "<script>" holds "<"'],
    ['web-1\nweb-2\n\u0000\n', 'line 3'],
  ])('refuses %j: %s', async (body, why) => {
    const error = await failureOf(() => parseNodeList(body));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain(why);
  });

  it('refuses an over-long name, quoting only its start', async () => {
    const error = await failureOf(() => parseNodeList(`web-1\n${'x'.repeat(10_000)}`));
    expect(error.message).toBe(
      `line 2: "${'x'.repeat(80)}…" is 10000 characters long, more than 253`,
    );
  });

  it('refuses bytes that are not UTF-8', async () => {
    const error = await failureOf(() => parseNodeList(Buffer.from([0x77, 0x65, 0x62, 0xff, 0x0a])));
    expect(error.message).toBe('the list is not UTF-8 text');
  });

  it('counts distinct nodes against the maximum', async () => {
    expect(parseNodeList('a1\nb1\na1\nc1\nb1', { maxNodes: 3 })).toEqual(['a1', 'b1', 'c1']);
    const error = await failureOf(() => parseNodeList('a1\nb1\nc1\nd1', { maxNodes: 3 }));
    expect(error.kind).toBe('too-many');
    expect(error.line).toBe(4);
    expect(error.message).toContain('more than 3 nodes');
  });

  it('takes 100,000 nodes by default and refuses the next one', async () => {
    const names = Array.from({ length: 100_001 }, (_, index) => `node-${index}`);
    expect(parseNodeList(JSON.stringify(names.slice(0, -1)))).toHaveLength(100_000);
    expect((await failureOf(() => parseNodeList(names.join('\n')))).kind).toBe('too-many');
  });

  it('takes names of 1 to 253 characters from the allowed alphabet', () => {
    expect(nodeNameProblem('a'.repeat(253))).toBeUndefined();
    expect(nodeNameProblem('a'.repeat(254))).toContain('254 characters');
    expect(nodeNameProblem('10.0.0.1')).toBeUndefined();
    expect(nodeNameProblem('fe80::1')).toBeUndefined();
    expect(nodeNameProblem('.')).toContain('only dots');
    expect(nodeNameProblem('.hidden')).toBeUndefined();
  });
});

describe('diffNodes', () => {
  it('lists the nodes added and removed, in list order', () => {
    expect(diffNodes(new Set(['a', 'b', 'c']), ['d', 'c', 'a', 'e'])).toEqual({
      added: ['d', 'e'],
      removed: ['b'],
    });
  });

  it('turns the current set into the next one', () => {
    const names = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 8 });
    fc.assert(
      fc.property(names, names, (current, next) => {
        const { added, removed } = diffNodes(current, next);
        const result = new Set(current);
        for (const name of removed) result.delete(name);
        for (const name of added) result.add(name);
        expect(result).toEqual(new Set(next));
        expect(added.some((name) => current.includes(name))).toBe(false);
        expect(removed.every((name) => current.includes(name))).toBe(true);
      }),
    );
  });
});
