import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { type ApiData, api, call } from '../../app/api';
import { useLive } from '../../app/live';
import { useSession } from '../../app/session';
import { formatTime, QueryView } from '../../app/ui';

type Notification = ApiData<'/v1/notifications'>['items'][number];

const notificationsKey = ['social', 'notifications'];

/**
 * The microblog's notifications (replies, mentions, follows, likes, reposts, new posts): the
 * shared inbox read, its `social.*` events kept. The bell shows them all; this links each to its
 * post or profile.
 */
export function Notifications() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: notificationsKey,
    queryFn: () => call(api.GET('/v1/notifications', { params: { query: { limit: 100 } } })),
    select: (page) => page.items.filter((item) => item.event.startsWith('social.')),
  });
  useLive([`user:${user.id}`], (event) => {
    if (event.event === 'notification')
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
  });
  return (
    <>
      <h1>Notifications</h1>
      <QueryView
        query={inbox}
        empty={<p>No microblog notifications yet.</p>}
        isEmpty={(items) => items.length === 0}
      >
        {(items) => (
          <ul className="plain card notifications">
            {items.map((item) => (
              <li key={item.id} className={item.read_at ? '' : 'unread'}>
                <NotificationLink item={item} />
                <p>{item.body}</p>
                <small className="muted">{formatTime(item.created_at)}</small>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}

function NotificationLink({ item }: { item: Notification }) {
  const data = (item.data ?? {}) as { post_id?: string; follower_id?: string };
  if (data.post_id) return <Link href={`/posts/${data.post_id}`}>{item.title}</Link>;
  if (data.follower_id) return <Link href={`/profiles/${data.follower_id}`}>{item.title}</Link>;
  return <strong>{item.title}</strong>;
}
