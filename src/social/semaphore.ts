/**
 * At most `size` tasks run at once; the others wait their turn, first come first served. A task
 * that ends hands its place straight to the next waiting one.
 *
 * @example
 * const rebuilding = semaphore(2);
 * await rebuilding(() => rebuild(viewerId));
 */
export function semaphore(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
