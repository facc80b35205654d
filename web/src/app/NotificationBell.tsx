import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiData, api, call } from './api';
import { useLive } from './live';
import { useSession } from './session';
import { formatTime, QueryView } from './ui';

type NotificationPage = ApiData<'/v1/notifications'>;

const inboxKey = ['notifications'];

/** The bell: the unread count, kept live from `user:<id>`, and the latest notifications. */
export function NotificationBell() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const inbox = useQuery({
    queryKey: inboxKey,
    queryFn: () => call(api.GET('/v1/notifications', { params: { query: { limit: 10 } } })),
  });
  useLive([`user:${user.id}`], (event) => {
    if (event.event !== 'notification') return;
    const notification = event.data as NotificationPage['items'][number];
    queryClient.setQueryData<NotificationPage>(inboxKey, (page) =>
      page && !page.items.some((item) => item.id === notification.id)
        ? { ...page, unread: page.unread + 1, items: [notification, ...page.items].slice(0, 10) }
        : page,
    );
  });
  const readAll = useMutation({
    mutationFn: () => call(api.POST('/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKey }),
  });
  const unread = inbox.data?.unread ?? 0;
  return (
    <div className="bell">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="badge" data-testid="unread-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section id="notification-panel" className="popover" aria-label="Notifications">
          <QueryView
            query={inbox}
            empty={<p>No notifications yet.</p>}
            isEmpty={(page) => page.items.length === 0}
          >
            {(page) => (
              <>
                <ul className="plain">
                  {page.items.map((item) => (
                    <li key={item.id} className={item.read_at ? '' : 'unread'}>
                      <strong>{item.title}</strong>
                      <p>{item.body}</p>
                      <small className="muted">{formatTime(item.created_at)}</small>
                    </li>
                  ))}
                </ul>
                <button type="button" disabled={unread === 0} onClick={() => readAll.mutate()}>
                  Mark all read
                </button>
              </>
            )}
          </QueryView>
        </section>
      )}
    </div>
  );
}

/** Drawn, not an emoji: a machine without an emoji font shows an empty box for 🔔. */
function BellIcon() {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none">
      <path
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
