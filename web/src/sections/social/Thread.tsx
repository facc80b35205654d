import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../app/api';
import { QueryView } from '../../app/ui';
import { Compose } from './Compose';
import { isDeleted, keys, type Post, type ThreadEntry } from './data';
import { PostCard, shownPosts, useLiveCounts } from './PostCard';

/** A post in its conversation: the posts it answers above, the replies below, and a reply box. */
export function Thread({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const context = useQuery({
    queryKey: keys.thread(id),
    queryFn: () => call(api.GET('/v1/social/posts/{id}/context', { params: { path: { id } } })),
  });
  const data = context.data;
  const visible = data
    ? [...data.ancestors, data.post, ...data.descendants].filter(
        (entry): entry is Post => !isDeleted(entry),
      )
    : [];
  useLiveCounts(shownPosts(visible));
  // A reply changes the post's count and the list below it: read the thread again.
  const onReplied = () => queryClient.invalidateQueries({ queryKey: keys.thread(id) });

  return (
    <QueryView query={context}>
      {({ ancestors, post, descendants, next_after }) => (
        <>
          <h1>Thread</h1>
          {ancestors.length > 0 && (
            <section aria-label="Earlier in the thread" className="post-list thread-above">
              {ancestors.map((entry) => (
                <Entry key={entry.id} entry={entry} />
              ))}
            </section>
          )}
          <section aria-label="The post" className="post-list">
            <PostCard post={post} highlight />
          </section>
          <Compose
            replyTo={post.id}
            label={`Reply to @${post.author.handle}`}
            onPosted={() => void onReplied()}
          />
          <section aria-label="Replies" className="post-list">
            <h2>Replies</h2>
            {descendants.length === 0 ? (
              <p className="empty">No replies yet.</p>
            ) : (
              descendants.map((entry) => <Entry key={entry.id} entry={entry} />)
            )}
            {next_after && (
              <p className="muted">More replies follow: open the last one to see them.</p>
            )}
          </section>
        </>
      )}
    </QueryView>
  );
}

function Entry({ entry }: { entry: ThreadEntry }) {
  if (isDeleted(entry)) return <p className="post deleted muted">This post was deleted.</p>;
  return <PostCard post={entry} />;
}
