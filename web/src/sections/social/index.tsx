import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Route, Switch, useRoute } from 'wouter';
import { QueryView } from '../../app/ui';
import { type Profile, useMe } from './data';
import { HomeTimeline, homeQuery } from './Home';
import { Notifications } from './Notifications';
import { People } from './People';
import { EditProfile, ProfilePage } from './Profile';
import { Thread } from './Thread';
import './social.css';

/**
 * The microblog: home timeline (live), compose with images, profiles and follows, threads,
 * people search and the microblog's notifications. Not organisation-scoped: a profile is a user's.
 */
export default function Section() {
  const me = useMe();
  usePrefetchHome();
  return (
    <div className="social">
      <QueryView query={me}>
        {(profile) => (
          <>
            <SocialNav me={profile} />
            <Switch>
              <Route path="/">
                <HomeTimeline me={profile} />
              </Route>
              <Route path="/profiles/:idOrHandle">
                {(params) => <ProfilePage idOrHandle={params.idOrHandle} me={profile} />}
              </Route>
              <Route path="/posts/:id">
                {(params) => <Thread key={params.id} id={params.id} />}
              </Route>
              <Route path="/people">
                <People />
              </Route>
              <Route path="/notifications">
                <Notifications />
              </Route>
              <Route path="/settings">
                <EditProfile me={profile} />
              </Route>
              <Route>
                <p role="alert">This page of the microblog does not exist.</p>
              </Route>
            </Switch>
          </>
        )}
      </QueryView>
    </div>
  );
}

/** On the home page, the timeline is asked for with the profile, not after it. */
function usePrefetchHome() {
  const queryClient = useQueryClient();
  const [atHome] = useRoute('/');
  useEffect(() => {
    if (atHome) void queryClient.prefetchInfiniteQuery(homeQuery);
  }, [atHome, queryClient]);
}

function SocialNav({ me }: { me: Profile }) {
  const active = (isActive: boolean) => (isActive ? 'active' : '');
  return (
    <nav className="subnav" aria-label="Microblog">
      <Link href="/" className={active}>
        Home
      </Link>
      <Link href={`/profiles/@${me.handle}`} className={active}>
        Your posts
      </Link>
      <Link href="/people" className={active}>
        People
      </Link>
      <Link href="/notifications" className={active}>
        Notifications
      </Link>
      <Link href="/settings" className={active}>
        Edit profile
      </Link>
      <span className="muted subnav-me">
        Signed in as {me.display_name} @{me.handle}
      </span>
    </nav>
  );
}
