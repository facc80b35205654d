import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { type ApiData, ApiProblem, api, call, currentToken } from '../../app/api';

// The microblog's API types (generated), query keys and the helpers its views share.

export type Post = ApiData<'/v1/social/timelines/home'>['items'][number];
export type OriginalPost = NonNullable<Post['repost_of']>;
export type AnyPost = Post | OriginalPost;
export type Counts = Post['counts'];
export type Media = ApiData<'/v1/social/media', 'post'>;
export type Profile = ApiData<'/v1/social/profile'>;
export type HomePage = ApiData<'/v1/social/timelines/home'>;
export type ThreadEntry = ApiData<'/v1/social/posts/{id}/context'>['descendants'][number];

/** Every microblog query starts with this, so that one walk of the cache reaches every post. */
export const socialKey = ['social'] as const;
export const keys = {
  me: [...socialKey, 'me'],
  home: [...socialKey, 'home'],
  profile: (idOrHandle: string) => [
    ...socialKey,
    'profile',
    idOrHandle.replace(/^@/, '').toLowerCase(),
  ],
  profilePosts: (id: string) => [...socialKey, 'profile-posts', id],
  thread: (id: string) => [...socialKey, 'thread', id],
  search: (q: string) => [...socialKey, 'search', q],
};

/** Your own profile (the API makes it on your first microblog request). */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => call(api.GET('/v1/social/profile')) });
}

export function isDeleted(entry: ThreadEntry): entry is { id: string; deleted: true } {
  return 'deleted' in entry;
}

/**
 * Applies `change` to every copy of post `id` in the microblog's cached queries (timelines,
 * profiles, threads; a reposted original too), so that a like or a live count shows everywhere.
 */
export function patchPost(
  queryClient: QueryClient,
  id: string,
  change: (post: AnyPost) => Partial<AnyPost>,
): void {
  // Only the queries that hold the post are written: setting a query's data also clears its
  // invalidation, which would keep a stale timeline from being read again.
  for (const [key, data] of queryClient.getQueriesData({ queryKey: socialKey })) {
    const patched = patchIn(data, id, change);
    if (patched !== data) queryClient.setQueryData(key, patched);
  }
}

/** `value` with every copy of post `id` changed; the same object when it holds none. */
function patchIn(value: unknown, id: string, change: (post: AnyPost) => Partial<AnyPost>): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => patchIn(item, id, change));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  let patched: Record<string, unknown> = record;
  for (const [key, field] of Object.entries(record)) {
    const next = patchIn(field, id, change);
    if (next !== field) patched = { ...patched, [key]: next };
  }
  if (record.id === id && 'counts' in record) {
    return { ...patched, ...change(patched as unknown as AnyPost) };
  }
  return patched;
}

/**
 * Uploads an image as the API wants it: the file's bytes as the body (not a form), the alt text
 * in the query. openapi-fetch only sends JSON bodies, hence a plain fetch.
 */
export async function uploadImage(file: File, alt: string): Promise<Media> {
  const url = `/v1/social/media?${new URLSearchParams({ alt })}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: file,
      headers: {
        authorization: `Bearer ${currentToken()}`,
        'content-type': file.type || 'application/octet-stream',
      },
    });
  } catch {
    throw new ApiProblem(0, {
      title: 'The image could not be sent',
      detail: 'The upload did not reach the server (it may be too large). Try a smaller image.',
    });
  }
  const body = await response.json().catch(() => ({ title: response.statusText }));
  if (!response.ok) throw new ApiProblem(response.status, body);
  return body as Media;
}

/** Characters as people see them (the API counts grapheme clusters too). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter().segment(text)) count++;
  return count;
}
