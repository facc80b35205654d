import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { type ApiData, api, call } from '../../app/api';
import {
  asProblem,
  formatTime,
  ProblemMessage,
  QueryView,
  TextAreaField,
  TextField,
} from '../../app/ui';
import { keys, type Profile } from './data';
import { PostCard, shownPosts, useLiveCounts } from './PostCard';

type ProfileView = ApiData<'/v1/social/profiles/{idOrHandle}'>;

/** A profile: who they are, their counts, follow or unfollow, and their posts. */
export function ProfilePage({ idOrHandle, me }: { idOrHandle: string; me: Profile }) {
  const profile = useQuery({
    queryKey: keys.profile(idOrHandle),
    queryFn: () =>
      call(api.GET('/v1/social/profiles/{idOrHandle}', { params: { path: { idOrHandle } } })),
  });
  return (
    <QueryView query={profile}>
      {(view) => (
        <>
          <ProfileHeader view={view} isMe={view.id === me.id} />
          <ProfilePosts id={view.id} name={view.display_name} />
        </>
      )}
    </QueryView>
  );
}

function ProfileHeader({ view, isMe }: { view: ProfileView; isMe: boolean }) {
  return (
    <section className="card profile" aria-labelledby="profile-name">
      <div className="profile-top">
        <div>
          <h1 id="profile-name">{view.display_name}</h1>
          <p className="muted">
            @{view.handle}
            {view.relation.followed_by && <span className="state ok">Follows you</span>}
          </p>
        </div>
        {isMe ? <Link href="/settings">Edit your profile</Link> : <FollowButton view={view} />}
      </div>
      {view.bio && <p className="bio">{view.bio}</p>}
      <p className="counts">
        <span>
          <strong>{view.counts.posts}</strong> posts
        </span>
        <span>
          <strong>{view.counts.followers}</strong> followers
        </span>
        <span>
          <strong>{view.counts.following}</strong> following
        </span>
        <span className="muted">Joined {formatTime(view.created_at)}</span>
      </p>
    </section>
  );
}

function FollowButton({ view }: { view: ProfileView }) {
  const queryClient = useQueryClient();
  const path = { params: { path: { id: view.id } } };
  const follow = useMutation({
    mutationFn: (following: boolean) =>
      call(
        following
          ? api.POST('/v1/social/profiles/{id}/follow', { ...path, body: {} })
          : api.DELETE('/v1/social/profiles/{id}/follow', path),
      ),
    onSuccess: () => {
      // A follow brings their latest posts into the home timeline (an unfollow takes them out):
      // it is read afresh when next shown.
      queryClient.removeQueries({ queryKey: keys.home });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.profile(view.handle) }),
        queryClient.invalidateQueries({ queryKey: keys.profile(view.id) }),
      ]);
    },
  });
  const following = view.relation.following;
  return (
    <div>
      <button
        type="button"
        className={following ? 'secondary' : ''}
        disabled={follow.isPending || view.relation.blocking}
        onClick={() => follow.mutate(!following)}
      >
        {following ? `Unfollow @${view.handle}` : `Follow @${view.handle}`}
      </button>
      <ProblemMessage error={follow.error} />
    </div>
  );
}

function ProfilePosts({ id, name }: { id: string; name: string }) {
  const posts = useInfiniteQuery({
    queryKey: keys.profilePosts(id),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/v1/social/profiles/{id}/posts', {
          params: {
            path: { id },
            query: { limit: 20, ...(pageParam ? { max_id: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_max_id ?? undefined,
  });
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  useLiveCounts(shownPosts(items));
  return (
    <QueryView
      query={posts}
      empty={<p>{name} has not posted yet.</p>}
      isEmpty={() => items.length === 0}
    >
      {() => (
        <section aria-label={`Posts by ${name}`} className="post-list">
          {items.map((post) => (
            <PostCard key={post.id} post={post} />
          ))}
          {posts.hasNextPage && (
            <button
              type="button"
              className="secondary more"
              disabled={posts.isFetchingNextPage}
              onClick={() => void posts.fetchNextPage()}
            >
              Show older posts
            </button>
          )}
        </section>
      )}
    </QueryView>
  );
}

/** Your handle, display name and bio; a taken handle is said next to the field. */
export function EditProfile({ me }: { me: Profile }) {
  const queryClient = useQueryClient();
  const [handle, setHandle] = useState(me.handle);
  const [displayName, setDisplayName] = useState(me.display_name);
  const [bio, setBio] = useState(me.bio);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/v1/social/profile', {
          body: { handle, display_name: displayName, bio },
        }),
      ),
    onSuccess: (profile) => {
      queryClient.setQueryData(keys.me, profile);
      return queryClient.invalidateQueries({ queryKey: keys.profile(profile.handle) });
    },
  });
  const problem = save.error ? asProblem(save.error) : null;
  const handleError =
    problem?.fieldError('handle') ??
    (problem?.name === 'handle-taken' ? problem.detail : undefined);
  const shownElsewhere =
    problem && !handleError && !problem.fieldError('display_name') && !problem.fieldError('bio');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card narrow" onSubmit={onSubmit} noValidate>
      <h1>Your profile</h1>
      <TextField
        label="Handle"
        name="handle"
        value={handle}
        onChange={(event) => setHandle(event.target.value)}
        error={handleError}
        hint="Letters, digits and _, up to 30, not only digits. People find you as @handle."
      />
      <TextField
        label="Display name"
        name="display_name"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={problem?.fieldError('display_name')}
        hint="Up to 50 characters."
      />
      <TextAreaField
        label="Bio"
        rows={3}
        value={bio}
        onChange={(event) => setBio(event.target.value)}
        error={problem?.fieldError('bio')}
        hint={`${bio.length} of 500 characters`}
      />
      {shownElsewhere && <ProblemMessage error={problem} />}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          Save profile
        </button>
        {save.isSuccess && (
          <span role="status">
            Saved. <Link href={`/profiles/@${save.data.handle}`}>See your profile</Link>
          </span>
        )}
      </div>
    </form>
  );
}
