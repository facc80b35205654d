import { Problem, type ProblemCatalogue, platformProblems } from '../platform/problems.ts';
import { inventoryProblems } from './problems.ts';

// The answer of a bulk request, one result per row (as Saleor's bulk mutations): a row that
// fails says why in the words of the problem it would have been on its own.

export interface RowResult {
  row: number;
  status: 'ok' | 'failed';
  id?: string;
  error?: { type: string; status: number; detail: string };
}

const catalogue: ProblemCatalogue = { ...platformProblems, ...inventoryProblems };

/** Runs `work` for row `row`: its id when it succeeds, its problem when it refuses. */
export async function rowResult(row: number, work: () => Promise<string>): Promise<RowResult> {
  try {
    return { row, status: 'ok', id: await work() };
  } catch (error) {
    // Anything but a refusal is a fault of ours: it fails the request, as it would alone.
    if (!(error instanceof Problem)) throw error;
    const status = catalogue[error.problem]?.status ?? 500;
    return {
      row,
      status: 'failed',
      error: { type: `/problems/${error.problem}`, status, detail: error.detail },
    };
  }
}

/** The body of a bulk answer: counts, then the rows in request order. */
export function bulkResult(results: RowResult[]) {
  const failed = results.filter((result) => result.status === 'failed').length;
  return { succeeded: results.length - failed, failed, results };
}
