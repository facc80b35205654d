import { beforeAll, describe, expect, it } from 'vitest';
import type { SocialId } from '../ids.ts';
import type { TimelineEntry, TimelineStore } from './timeline-store.ts';

// The suite both timeline stores pass: what timeline-store.ts promises, tested through the
// interface alone. Where the stores legitimately differ it says so by `store.kind`: a reader the
// store never wrote is an empty live timeline in PostgreSQL (a new profile is `live`) and no
// timeline in Redis; PostgreSQL trims to the cap on one write in ten, Redis on every write.

/** What a store's test file gives the suite. */
export interface TimelineStoreFixture {
  store: TimelineStore;
  /** `count` readers the store could keep timelines for (in PostgreSQL: new profiles). */
  readers(count: number): Promise<SocialId[]>;
}

/** The cap the suite's stores are made with (the smallest SOCIAL_TIMELINE_CAP allowed). */
export const contractCap = 50;

/** An id as `social_id()` makes them: the millisecond in the top 48 bits, a sequence below. */
export function idAt(ms: number, seq = 0): SocialId {
  return ((BigInt(ms) << 16n) | BigInt(seq)).toString();
}

const base = Date.UTC(2026, 0, 1);
const author = idAt(base - 86_400_000, 1);
const otherAuthor = idAt(base - 86_400_000, 2);

function entry(entryId: SocialId, authorId = author, originId = entryId): TimelineEntry {
  return { entryId, originId, authorId };
}

/** Newest first, as pages are. */
function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => (BigInt(b.entryId) > BigInt(a.entryId) ? 1 : -1));
}

/** Ids of three milliseconds, several in each, plus ids of fewer digits (numeric, not text, order). */
const clustered = [
  idAt(1, 0),
  idAt(1, 1),
  idAt(base - 1, 0),
  idAt(base - 1, 7),
  ...[0, 1, 2, 3, 4, 5].map((seq) => idAt(base, seq)),
  idAt(base + 1, 0),
  idAt(base + 1, 65_535),
].map((id) => entry(id));
const all = newestFirst(clustered);
/** The item at `at` of a list, which the test has made sure exists. */
function only<T>(items: T[], at = 0): T {
  const item = items.at(at);
  if (item === undefined) throw new Error(`expected an item at ${at}`);
  return item;
}

/** A page of a timeline the test has built. */
function existing(page: TimelineEntry[] | undefined): TimelineEntry[] {
  if (!page) throw new Error('the timeline should exist');
  return page;
}

const ids = (entries: TimelineEntry[] | undefined) => entries?.map((e) => e.entryId);

/**
 * The timeline-store contract, run against the store `open` makes with cap `contractCap`. `open`
 * runs once for the file; each test takes readers of its own.
 */
export function describeTimelineStore(name: string, open: () => Promise<TimelineStoreFixture>) {
  describe(`${name} timeline store (the TimelineStore contract)`, () => {
    let store: TimelineStore;
    let readers: TimelineStoreFixture['readers'];
    beforeAll(async () => {
      ({ store, readers } = await open());
    });
    /** A reader with an existing, empty timeline. */
    const newReader = async () => only(await readers(1));
    const builtReader = async () => {
      const reader = await newReader();
      await store.replace(reader, []);
      return reader;
    };
    const everything = (reader: SocialId) => store.page(reader, { limit: 10_000 });

    it('knows a reader it never wrote as the store documents it', async () => {
      const expected = store.kind === 'postgres' ? [] : undefined;
      expect(await everything(await newReader())).toEqual(expected);
    });

    it('makes a replaced timeline exist, holding exactly the given entries, newest first', async () => {
      const reader = await builtReader();
      expect(await everything(reader)).toEqual([]);
      const repost = entry(idAt(base, 9), otherAuthor, idAt(base - 5, 3));
      await store.replace(reader, [
        entry(idAt(base - 1, 7)),
        repost,
        entry(idAt(1, 0)),
        entry(idAt(base, 2)),
      ]);
      expect(await everything(reader)).toEqual(
        newestFirst([entry(idAt(base - 1, 7)), repost, entry(idAt(1, 0)), entry(idAt(base, 2))]),
      );
      await store.replace(reader, [entry(idAt(1, 1))]);
      expect(await everything(reader)).toEqual([entry(idAt(1, 1))]);
      await store.replace(reader, []);
      expect(await everything(reader)).toEqual([]);
    });

    it('adds an entry once however often a batch is retried', async () => {
      const [one, two] = [await builtReader(), await builtReader()];
      const repost = entry(idAt(base, 3), otherAuthor, idAt(base - 9, 0));
      await store.addToMany([one, two, one], repost);
      await store.addToMany([two, one], repost);
      await store.addToMany([], repost);
      expect(await everything(one)).toEqual([repost]);
      expect(await everything(two)).toEqual([repost]);
    });

    it('keeps the newest cap entries of a timeline written past its cap', async () => {
      // PostgreSQL trims one write in ten at random (timeline-store.ts allows extra entries until
      // the next trim), so the cap is checked once a trim has happened: newer entries are added
      // one at a time until the timeline holds no more than the cap (Redis: at once; PostgreSQL:
      // fails to trim in 400 writes with probability 0.9^400, about 1e-18).
      const reader = await builtReader();
      const added: TimelineEntry[] = [];
      const add = async () => {
        const next = entry(idAt(base + added.length));
        added.push(next);
        await store.addToMany([reader], next);
      };
      for (let i = 0; i < 80; i++) await add();
      const held = await everything(reader);
      expect(ids(held?.slice(0, contractCap))).toEqual(
        ids(newestFirst(added).slice(0, contractCap)),
      );
      if (store.kind === 'redis') expect(held).toHaveLength(contractCap);
      while (existing(await everything(reader)).length > contractCap && added.length < 480)
        await add();
      expect(await everything(reader)).toEqual(newestFirst(added).slice(0, contractCap));
    });

    it('keeps the newest cap entries of a replace given more', async () => {
      const reader = await builtReader();
      const given = Array.from({ length: 80 }, (_, i) => entry(idAt(base, i)));
      await store.replace(reader, [...given.slice(40), ...given.slice(0, 40)]);
      expect(await everything(reader)).toEqual(newestFirst(given).slice(0, contractCap));
    });

    it('pages newest first below maxId, walking through ids of one millisecond', async () => {
      const reader = await builtReader();
      await store.replace(reader, clustered);
      expect(await store.page(reader, { limit: 3 })).toEqual(all.slice(0, 3));
      for (const limit of [1, 2, 3, 5]) {
        const walked: TimelineEntry[] = [];
        let maxId: SocialId | undefined;
        for (;;) {
          const page = existing(await store.page(reader, { maxId, limit }));
          expect(page.length).toBeLessThanOrEqual(limit);
          if (page.length === 0) break;
          walked.push(...page);
          maxId = only(page, -1).entryId;
        }
        expect(walked).toEqual(all);
      }
      // A bound that is no entry's id, inside a millisecond of entries.
      expect(ids(await store.page(reader, { maxId: idAt(base, 100), limit: 5 }))).toEqual([
        idAt(base, 5),
        idAt(base, 4),
        idAt(base, 3),
        idAt(base, 2),
        idAt(base, 1),
      ]);
      expect(ids(await store.page(reader, { maxId: idAt(base - 1, 3), limit: 9 }))).toEqual([
        idAt(base - 1, 0),
        idAt(1, 1),
        idAt(1, 0),
      ]);
    });

    it('pages the newest entries above sinceId, within its millisecond too', async () => {
      const reader = await builtReader();
      await store.replace(reader, clustered);
      expect(ids(await store.page(reader, { sinceId: idAt(base, 3), limit: 10 }))).toEqual([
        idAt(base + 1, 65_535),
        idAt(base + 1, 0),
        idAt(base, 5),
        idAt(base, 4),
      ]);
      expect(ids(await store.page(reader, { sinceId: idAt(base, 3), limit: 2 }))).toEqual([
        idAt(base + 1, 65_535),
        idAt(base + 1, 0),
      ]);
      expect(await store.page(reader, { sinceId: idAt(base + 1, 65_535), limit: 5 })).toEqual([]);
      expect(await store.page(reader, { sinceId: '1', limit: 100 })).toEqual(all);
    });

    it('pages the oldest entries above minId, newest first, walking upwards', async () => {
      const reader = await builtReader();
      await store.replace(reader, clustered);
      expect(ids(await store.page(reader, { minId: idAt(base, 1), limit: 3 }))).toEqual([
        idAt(base, 4),
        idAt(base, 3),
        idAt(base, 2),
      ]);
      for (const limit of [1, 2, 3, 5]) {
        const walked: TimelineEntry[] = [];
        let minId: SocialId = '1';
        for (;;) {
          const page = existing(await store.page(reader, { minId, limit }));
          expect(page.length).toBeLessThanOrEqual(limit);
          if (page.length === 0) break;
          expect(page).toEqual(newestFirst(page));
          walked.unshift(...page);
          minId = only(page).entryId;
        }
        expect(walked).toEqual(all);
      }
    });

    it('pages between two bounds', async () => {
      const reader = await builtReader();
      await store.replace(reader, clustered);
      const [maxId, sinceId] = [idAt(base + 1, 0), idAt(base, 1)];
      const inside = [idAt(base, 5), idAt(base, 4), idAt(base, 3), idAt(base, 2)];
      expect(ids(await store.page(reader, { maxId, sinceId, limit: 10 }))).toEqual(inside);
      expect(ids(await store.page(reader, { maxId, sinceId, limit: 2 }))).toEqual(
        inside.slice(0, 2),
      );
      expect(ids(await store.page(reader, { maxId, minId: sinceId, limit: 2 }))).toEqual(
        inside.slice(2),
      );
      expect(
        await store.page(reader, { maxId: idAt(base, 2), sinceId: idAt(base, 1), limit: 9 }),
      ).toEqual([]);
    });

    it('removes one entry from the timelines named, and nothing else', async () => {
      const [one, two, three] = [await builtReader(), await builtReader(), await builtReader()];
      for (const e of clustered) await store.addToMany([one, two, three], e);
      const gone = idAt(base, 3);
      await store.removeEntry([one, two], gone);
      await store.removeEntry([one], idAt(base, 99));
      await store.removeEntry([], gone);
      const kept = all.filter((e) => e.entryId !== gone);
      expect(await everything(one)).toEqual(kept);
      expect(await everything(two)).toEqual(kept);
      expect(await everything(three)).toEqual(all);
    });

    it("removes an author's entries from one timeline", async () => {
      const [one, two] = [await builtReader(), await builtReader()];
      const theirs = [entry(idAt(base, 1), otherAuthor), entry(idAt(base, 4), otherAuthor, '5')];
      const mine = [entry(idAt(base, 2)), entry(idAt(base, 3)), entry(idAt(base + 7))];
      for (const e of [...theirs, ...mine]) await store.addToMany([one, two], e);
      await store.removeAuthor(one, otherAuthor);
      await store.removeAuthor(one, idAt(base, 42));
      expect(await everything(one)).toEqual(newestFirst(mine));
      expect(await everything(two)).toEqual(newestFirst([...theirs, ...mine]));
    });

    it('forgets dropped timelines until a replace, fan-out meanwhile or not', async () => {
      const [one, two, kept] = [await builtReader(), await builtReader(), await builtReader()];
      await store.addToMany([one, two, kept], entry(idAt(1, 0)));
      await store.drop([one, two]);
      await store.drop([]);
      expect(await everything(one)).toBeUndefined();
      expect(await everything(two)).toBeUndefined();
      expect(await everything(kept)).toEqual([entry(idAt(1, 0))]);
      // A fan-out batch that selected `two` before the drop may still write to it.
      await store.addToMany([two], entry(idAt(1, 1)));
      expect(await everything(two)).toBeUndefined();
      await store.replace(two, [entry(idAt(base - 1, 0))]);
      expect(await everything(two)).toEqual([entry(idAt(base - 1, 0))]);
    });

    it('fans entries out to 5,000 timelines (timed and printed, not asserted)', async () => {
      // New PostgreSQL profiles are live already; Redis timelines must be built to be read.
      const many = await readers(5_000);
      if (store.kind === 'redis') await Promise.all(many.map((r) => store.replace(r, [])));
      const timings: string[] = [];
      const sent = all.slice(0, 10);
      for (const e of sent) {
        const started = performance.now();
        await store.addToMany(many, e);
        timings.push((performance.now() - started).toFixed(0));
      }
      console.log(`${name}: addToMany of one entry to 5,000 timelines, ms: ${timings.join(', ')}`);
      expect(await everything(only(many))).toEqual(sent);
      expect(await everything(only(many, -1))).toEqual(sent);
    });
  });
}
