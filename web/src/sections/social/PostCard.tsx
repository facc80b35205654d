import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../app/api';
import { useLive } from '../../app/live';
import { formatTime, fromNow, ProblemMessage, useNow } from '../../app/ui';
import { type AnyPost, type Counts, type Media, type Post, patchPost } from './data';

/** A post in a list; a repost shows the original, with who reposted it above. */
export function PostCard({ post, highlight = false }: { post: Post; highlight?: boolean }) {
  const shown = post.repost_of ?? post;
  return (
    <article
      className={highlight ? 'post highlight' : 'post'}
      aria-labelledby={`post-${post.id}-author`}
      data-post-id={shown.id}
    >
      {post.repost_of && (
        <p className="muted reposted-by">
          <Link href={profilePath(post.author.handle)}>{post.author.display_name}</Link> reposted
        </p>
      )}
      <PostBody post={shown} labelId={`post-${post.id}-author`} />
    </article>
  );
}

export function profilePath(handle: string): string {
  return `/profiles/@${handle}`;
}

function PostBody({ post, labelId }: { post: AnyPost; labelId: string }) {
  const now = useNow(30_000);
  return (
    <>
      <header className="post-header">
        <Link href={profilePath(post.author.handle)} className="author" id={labelId}>
          <strong>{post.author.display_name}</strong>{' '}
          <span className="muted">@{post.author.handle}</span>
        </Link>
        <Link href={`/posts/${post.id}`} className="muted post-time">
          <time dateTime={post.created_at} title={formatTime(post.created_at)}>
            {postAge(post.created_at, now)}
          </time>
        </Link>
      </header>
      {post.reply_to_id && (
        <p className="muted replying">
          Replying in a <Link href={`/posts/${post.reply_to_id}`}>thread</Link>
        </p>
      )}
      {post.text && (
        <p className="post-text">
          <PostText text={post.text} mentions={post.mentions} />
        </p>
      )}
      {post.media.length > 0 && <MediaGrid media={post.media} />}
      <PostActions post={post} />
    </>
  );
}

/** "just now" for the last minute (a server clock a little ahead must not say "in 1 s"). */
function postAge(at: string, now: number): string {
  return now - new Date(at).getTime() < 60_000 ? 'just now' : fromNow(at, now);
}

/** The text with its linked mentions as links to their profiles. */
function PostText({ text, mentions }: { text: string; mentions: AnyPost['mentions'] }) {
  const linked = new Set(mentions.map((mention) => mention.handle.toLowerCase()));
  const parts = text.split(/(@[A-Za-z0-9_]{1,30})/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 && linked.has(part.slice(1).toLowerCase()) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <Link key={index} href={profilePath(part.slice(1))}>
            {part}
          </Link>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function MediaGrid({ media }: { media: Media[] }) {
  return (
    <div className={`media-grid media-${media.length}`}>
      {media.map((item) => (
        <a key={item.id} href={item.url} target="_blank" rel="noreferrer">
          <img
            src={item.thumbnail_url}
            alt={item.alt || 'An image without a description'}
            width={item.width}
            height={item.height}
            loading="lazy"
          />
        </a>
      ))}
    </div>
  );
}

/** Reply, repost and like, with their counts; the answer of each updates every copy of the post. */
function PostActions({ post }: { post: AnyPost }) {
  const queryClient = useQueryClient();
  const path = { params: { path: { id: post.id } } };
  const like = useMutation({
    mutationFn: (liked: boolean) =>
      call(
        liked
          ? api.POST('/v1/social/posts/{id}/like', path)
          : api.DELETE('/v1/social/posts/{id}/like', path),
      ),
    onSuccess: ({ liked, likes }) =>
      patchPost(queryClient, post.id, (old) => ({
        viewer: { ...old.viewer, liked },
        counts: { ...old.counts, likes },
      })),
  });
  const repost = useMutation({
    mutationFn: async (reposted: boolean) => {
      if (!reposted) return call(api.DELETE('/v1/social/posts/{id}/repost', path));
      const made = await call(api.POST('/v1/social/posts/{id}/repost', path));
      return { reposted: true, reposts: made.repost_of?.counts.reposts ?? post.counts.reposts + 1 };
    },
    onSuccess: ({ reposted, reposts }) =>
      patchPost(queryClient, post.id, (old) => ({
        viewer: { ...old.viewer, reposted },
        counts: { ...old.counts, reposts },
      })),
  });
  const { counts, viewer } = post;
  return (
    <>
      {/* Each control's name is its visible text ("Like (3)"); aria-pressed says whether you did. */}
      <div className="post-actions">
        <Link href={`/posts/${post.id}`}>Reply ({counts.replies})</Link>
        <button
          type="button"
          className="secondary"
          aria-pressed={viewer.reposted}
          disabled={repost.isPending}
          onClick={() => repost.mutate(!viewer.reposted)}
        >
          Repost ({counts.reposts})
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={viewer.liked}
          disabled={like.isPending}
          onClick={() => like.mutate(!viewer.liked)}
        >
          <span aria-hidden="true">{viewer.liked ? '♥' : '♡'} </span>Like ({counts.likes})
        </button>
        <span className="muted">
          {counts.impressions} {counts.impressions === 1 ? 'view' : 'views'}
        </span>
      </div>
      <ProblemMessage error={like.error ?? repost.error} />
    </>
  );
}

/** The gateway allows 100 topics a connection: the console keeps posts' topics well under it. */
const maxPostTopics = 60;

/** Keeps the counts of `posts` live (`post.counts` on `social:post-<id>`, at most once a second). */
export function useLiveCounts(posts: AnyPost[]): void {
  const queryClient = useQueryClient();
  const ids = [...new Set(posts.map((post) => post.id))].slice(0, maxPostTopics);
  useLive(
    ids.map((id) => `social:post-${id}`),
    (event) => {
      if (event.event !== 'post.counts') return;
      const { id, ...counts } = event.data as Counts & { id: string };
      patchPost(queryClient, id, () => ({ counts }));
    },
  );
}

/** The posts a list shows, originals of reposts included: what `useLiveCounts` follows. */
export function shownPosts(posts: Post[]): AnyPost[] {
  return posts.map((post) => post.repost_of ?? post);
}
