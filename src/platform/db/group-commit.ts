import { type Db, type Tx, transaction } from './database.ts';

export interface GroupCommitOptions {
  /** Calls written in one transaction at most. */
  maxBatch?: number;
  /** Transactions (so pooled connections) in flight at once. */
  maxInFlight?: number;
}

interface Call<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * Runs concurrent calls together, each batch in one transaction (the idea of group commit): while
 * `maxInFlight` batches are being written, new calls gather for the next, so an idle process
 * writes a call at once and a busy one writes up to `maxBatch` per transaction, paying for the
 * round trips, the planning and the commit once. `write` returns one result per item, in order.
 * A batch that fails is tried again call by call, so a call that cannot be written fails alone.
 * Each call resolves only after its transaction committed.
 *
 * @example
 * const createTask = groupCommit(db, (tx, inputs) => store.insertTasks(tx, inputs));
 * const task = await createTask(input); // written with whatever else arrived meanwhile
 */
export function groupCommit<I, O>(
  db: Db,
  write: (tx: Tx, items: I[]) => Promise<O[]>,
  { maxBatch = 100, maxInFlight = 2 }: GroupCommitOptions = {},
): (item: I) => Promise<O> {
  const waiting: Call<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  function startBatches() {
    scheduled = false;
    while (inFlight < maxInFlight && waiting.length > 0) {
      inFlight++;
      void writeBatch(waiting.splice(0, maxBatch)).finally(() => {
        inFlight--;
        startBatches();
      });
    }
  }

  async function writeBatch(batch: Call<I, O>[]): Promise<void> {
    try {
      const results = await transaction(db, (tx) =>
        write(
          tx,
          batch.map((call) => call.item),
        ),
      );
      for (const [index, call] of batch.entries()) call.resolve(results[index] as O);
    } catch (error) {
      if (batch.length === 1) (batch[0] as Call<I, O>).reject(error);
      // One by one, so the batch still holds only its one connection.
      else for (const call of batch) await writeBatch([call]);
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // Calls made in the same turn of the event loop share a batch.
      if (!scheduled) {
        scheduled = true;
        setImmediate(startBatches);
      }
    });
}
