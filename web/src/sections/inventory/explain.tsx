import { asProblem, ProblemMessage } from '../../app/ui';

const stateNames: Record<string, string> = {
  on_hand: 'on hand',
  reserved: 'reserved',
  incoming: 'incoming',
  damaged: 'damaged',
  available: 'available',
};

export function stateName(state: string): string {
  return stateNames[state] ?? state;
}

/**
 * A stock or order refusal in words: what changed (or what was short) and what to do now. The
 * problem's members (`current_quantity`, `available`, `requested`, …) say it more plainly than
 * its detail, which is written for API clients.
 */
export function explainProblem(
  error: unknown,
  locationName: (id: string) => string,
): { what: string; todo: string } | null {
  const problem = asProblem(error);
  const body = problem.body;
  const where = typeof body.location_id === 'string' ? ` at ${locationName(body.location_id)}` : '';
  switch (problem.name) {
    case 'quantity-stale':
      return {
        what: `Someone changed this level while you were looking: ${stateName(String(body.state))}${where} is now ${body.current_quantity}, not the figure you started from.`,
        todo: 'Check the new figure below, then save again if your count still stands.',
      };
    case 'insufficient-stock': {
      const state = stateName(String(body.state ?? 'available'));
      const has = body[String(body.state)] ?? body.available;
      const line = typeof body.line_no === 'number' ? ` (line ${body.line_no})` : '';
      return {
        what: `Not enough stock of ${body.sku ?? 'this item'}${where}${line}: ${has} ${state}, ${body.requested} asked.`,
        todo: 'Lower the quantity, choose another location, or receive stock first.',
      };
    }
    case 'version-conflict':
      return {
        what: `Someone saved this item after you opened it (it is now at version ${body.current_version}).`,
        todo: 'Start from their version to see what they changed, then make your change again.',
      };
    case 'order-state-conflict':
      return {
        what: problem.detail ?? 'The order has moved on since you loaded it.',
        todo: 'The list now shows its current state; choose again from there.',
      };
    default:
      return null;
  }
}

/** A refusal explained in words when we know it, else the problem as the API said it. */
export function StockProblem({
  error,
  locationName,
}: {
  error: unknown;
  locationName: (id: string) => string;
}) {
  if (!error) return null;
  const explained = explainProblem(error, locationName);
  if (!explained) return <ProblemMessage error={error} />;
  return (
    <div className="problem" role="alert">
      <strong>{asProblem(error).title}.</strong> <span>{explained.what}</span>{' '}
      <span>{explained.todo}</span>
    </div>
  );
}
