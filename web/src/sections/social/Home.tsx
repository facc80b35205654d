import {
  type InfiniteData,
  infiniteQueryOptions,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, call } from '../../app/api';
import { useLive, useLiveStatus } from '../../app/live';
import { QueryView } from '../../app/ui';
import { Compose } from './Compose';
import { type HomePage, keys, type Post, type Profile } from './data';
import { PostCard, shownPosts, useLiveCounts } from './PostCard';

type Home = InfiniteData<HomePage, string | undefined>;

/** The home timeline's first pages; the section prefetches it while it learns who you are. */
export const homeQuery = infiniteQueryOptions({
  queryKey: keys.home,
  queryFn: ({ pageParam }) =>
    call(
      api.GET('/v1/social/timelines/home', {
        params: { query: { limit: 20, ...(pageParam ? { max_id: pageParam } : {}) } },
      }),
    ),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page: HomePage) => page.next_max_id ?? undefined,
  // A refetch would put new posts above the reader's place: the live banner does that instead.
  refetchOnWindowFocus: false,
  staleTime: Number.POSITIVE_INFINITY,
});

/**
 * The home timeline: compose, then the posts of the accounts you follow and your own. Others'
 * new posts arrive live but wait behind a "new posts" banner, so the list never jumps under the
 * reader; your own go straight to the top.
 */
export function HomeTimeline({ me }: { me: Profile }) {
  const queryClient = useQueryClient();
  const home = useInfiniteQuery(homeQuery);
  const [waiting, setWaiting] = useState<Post[]>([]);
  const shown = home.data?.pages.flatMap((page) => page.items) ?? [];
  const shownIds = new Set(shown.map((post) => post.id));
  const fresh = waiting.filter((post) => !shownIds.has(post.id));
  const listRef = useRef<HTMLDivElement>(null);
  useLiveCounts(shownPosts(shown));

  const putOnTop = (posts: Post[]) =>
    queryClient.setQueryData<Home>(keys.home, (data) => data && prepend(data, posts, me.id));
  const receive = (post: Post) => {
    if (post.author.id === me.id) putOnTop([post]);
    else setWaiting((list) => (list.some((item) => item.id === post.id) ? list : [post, ...list]));
  };
  useLive([`social:home-${me.id}`], (event) => {
    if (event.event === 'post.created') receive(event.data as Post);
    if (event.event === 'post.deleted') {
      const { id } = event.data as { id: string };
      setWaiting((list) => list.filter((post) => post.id !== id));
      queryClient.setQueryData<Home>(keys.home, (data) => data && without(data, id));
    }
  });
  useCatchUpAfterReconnect(shown[0]?.id, receive);

  const showWaiting = () => {
    putOnTop(fresh);
    setWaiting([]);
    listRef.current?.scrollIntoView({ block: 'start' });
    listRef.current?.querySelector<HTMLElement>('article a')?.focus();
  };

  return (
    <>
      <h1>Home</h1>
      <Compose onPosted={(post) => putOnTop([post])} />
      <div aria-live="polite" className="banner-slot">
        {fresh.length > 0 && (
          <button type="button" className="new-posts" onClick={showWaiting}>
            Show {fresh.length} new {fresh.length === 1 ? 'post' : 'posts'}
          </button>
        )}
      </div>
      <QueryView query={home}>
        {() => (
          <div data-testid="timeline" ref={listRef} className="timeline">
            {shown.length === 0 ? (
              <div className="empty">
                Nothing here yet. Follow people (find them under People) or write your first post.
              </div>
            ) : (
              <section aria-label="Home timeline" className="post-list">
                {shown.map((post) => (
                  <PostCard key={post.id} post={post} />
                ))}
              </section>
            )}
            {home.hasNextPage && (
              <button
                type="button"
                className="secondary more"
                disabled={home.isFetchingNextPage}
                onClick={() => void home.fetchNextPage()}
              >
                {home.isFetchingNextPage ? 'Loading…' : 'Show older posts'}
              </button>
            )}
          </div>
        )}
      </QueryView>
    </>
  );
}

function prepend(data: Home, posts: Post[], meId: string): Home {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  const shown = data.pages.flatMap((page) => page.items);
  const known = new Set(shown.map((post) => post.id));
  const viewers = new Map(shown.map((post) => [originOf(post), (post.repost_of ?? post).viewer]));
  const added = posts
    .filter((post) => !known.has(post.id))
    .map((post) => withViewer(post, viewers.get(originOf(post)), meId));
  // A post shows once, as its newest repost (the API's rule for a page).
  const origins = new Set(added.map(originOf));
  const kept = (post: Post) => !origins.has(originOf(post));
  const items = [...added, ...first.items.filter(kept)].sort((a, b) => compareIds(b.id, a.id));
  return {
    ...data,
    pages: [
      { ...first, items },
      ...rest.map((page) => ({ ...page, items: page.items.filter(kept) })),
    ],
  };
}

/**
 * A pushed post is hydrated for no one in particular (its `viewer` all false): keep what this
 * reader did to it, as the copy already shown says, and their own repost of it.
 */
function withViewer(post: Post, shownViewer: Post['viewer'] | undefined, meId: string): Post {
  const original = post.repost_of ?? post;
  const viewer = { ...(shownViewer ?? original.viewer) };
  if (post.repost_of && post.author.id === meId) viewer.reposted = true;
  return post.repost_of
    ? { ...post, repost_of: { ...post.repost_of, viewer } }
    : { ...post, viewer: { ...post.viewer, ...viewer } };
}

function originOf(post: Post): string {
  return post.repost_of?.id ?? post.id;
}

function without(data: Home, id: string): Home {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((post) => post.id !== id && post.repost_of?.id !== id),
    })),
  };
}

/** Ids are 64-bit integers as decimal strings: longer is larger, else compare as text. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Pushes are not replayed after a reconnect (docs/social.md): when the connection comes back,
 * the posts newer than the newest shown are read with `since_id` and join the banner.
 */
function useCatchUpAfterReconnect(newestId: string | undefined, receive: (post: Post) => void) {
  const status = useLiveStatus();
  const wasLive = useRef(status === 'live');
  const latest = useRef({ newestId, receive });
  latest.current = { newestId, receive };
  useEffect(() => {
    const cameBack = status === 'live' && !wasLive.current;
    wasLive.current = status === 'live';
    const { newestId: since, receive: add } = latest.current;
    if (!cameBack || !since) return;
    void call(
      api.GET('/v1/social/timelines/home', { params: { query: { limit: 40, since_id: since } } }),
    )
      .then((page) => page.items.forEach(add))
      .catch(() => undefined);
  }, [status]);
}
