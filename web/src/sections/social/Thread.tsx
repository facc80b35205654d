import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../app/api';
import { QueryView } from '../../app/ui';
import { Compose } from './Compose';
import { isDeleted, keys, type Post, type ThreadEntry } from './data';
import { PostCard, shownPosts, useLiveCounts } from './PostCard';

/** A post in its conversation: the posts it answers above, the replies below, and a reply box. */
export function Thread({ id }: { id: string }) {
  const queryClient = useQueryClient();
  // Pages of replies, oldest first: the first page carries the ancestors and the post too.
  const context = useInfiniteQuery({
    queryKey: keys.thread(id),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/social/posts/{id}/context', {
          params: { path: { id }, query: pageParam ? { after: pageParam } : {} },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_after ?? undefined,
  });
  const first = context.data?.pages[0];
  const replies = context.data?.pages.flatMap((page) => page.descendants) ?? [];
  const live = first ? [...first.ancestors, first.post, ...replies] : [];
  useLiveCounts(shownPosts(live.filter((entry): entry is Post => !isDeleted(entry))));
  // A reply changes the post's count and the list below it: read the thread again.
  const onReplied = () => queryClient.invalidateQueries({ queryKey: keys.thread(id) });

  return (
    <QueryView query={context}>
      {() =>
        first && (
          <>
            <h1>Thread</h1>
            {first.ancestors.length > 0 && (
              <section aria-label="Earlier in the thread" className="post-list">
                {first.ancestors.map((entry) => (
                  <Entry key={entry.id} entry={entry} />
                ))}
              </section>
            )}
            <section aria-label="The post" className="post-list">
              <PostCard post={first.post} highlight />
            </section>
            <Compose
              replyTo={first.post.id}
              label={`Reply to @${first.post.author.handle}`}
              onPosted={() => void onReplied()}
            />
            <section aria-label="Replies" className="post-list">
              <h2>Replies</h2>
              {replies.length === 0 ? (
                <p className="empty">No replies yet.</p>
              ) : (
                replies.map((entry) => <Entry key={entry.id} entry={entry} />)
              )}
              {context.hasNextPage && (
                <button
                  type="button"
                  className="secondary more"
                  disabled={context.isFetchingNextPage}
                  onClick={() => void context.fetchNextPage()}
                >
                  Show more replies
                </button>
              )}
            </section>
          </>
        )
      }
    </QueryView>
  );
}

function Entry({ entry }: { entry: ThreadEntry }) {
  if (isDeleted(entry)) return <p className="post deleted muted">This post was deleted.</p>;
  return <PostCard post={entry} />;
}
