import { fromNow } from '../../app/ui';
import type { DeliveryNode } from './queries';

type Tone = 'ok' | 'warn' | 'bad';

/**
 * A node in one word and a tone: a failed or refused last delivery says so first (the node may
 * still run a valid version, but someone should look); otherwise where its version is in its life.
 */
export function nodeCondition(node: DeliveryNode): { label: string; tone: Tone } {
  if (node.state === 'refused') return { label: 'refused', tone: 'bad' };
  if (node.state === 'failed') return { label: 'failing', tone: 'bad' };
  switch (node.phase) {
    case 'fresh':
      return { label: 'healthy', tone: 'ok' };
    case 'renewing':
      return { label: 'renewing', tone: 'ok' };
    case 'danger':
      return { label: 'danger', tone: 'warn' };
    case 'expired':
      return { label: 'expired', tone: 'bad' };
    default:
      return { label: 'new', tone: 'warn' };
  }
}

export function StateBadge({ label, tone }: { label: string; tone: Tone }) {
  return <span className={`state ${tone}`}>{label}</span>;
}

/** "expires in 42 min" / "expired 3 s ago", ticking with `now`. */
export function expiryText(expiresAt: string | null, now: number): string {
  if (!expiresAt) return 'nothing delivered yet';
  const until = fromNow(expiresAt, now);
  return new Date(expiresAt).getTime() > now ? `expires ${until}` : `expired ${until}`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
