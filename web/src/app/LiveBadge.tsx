import { useContext } from 'react';
import { LiveContext, useLiveStatus } from './live';

const words = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline: reconnecting',
  gap: 'Live',
} as const;

/**
 * Whether the page is live. After a reconnect that could not replay what was missed, says so:
 * the views were refetched, so what they show is current, but no change was shown as it happened.
 */
export function LiveBadge() {
  const status = useLiveStatus();
  const connection = useContext(LiveContext);
  return (
    <>
      <span className={`live-badge ${status}`} role="status" data-testid="live-status">
        {words[status]}
      </span>
      {status === 'gap' && (
        <div className="notice" role="alert">
          The connection was lost too long to replay what changed meanwhile; this page was reloaded
          from the server.{' '}
          <button type="button" className="link" onClick={() => connection?.acknowledgeGap()}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
