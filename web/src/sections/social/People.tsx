import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../app/api';
import { QueryView, TextField } from '../../app/ui';
import { keys } from './data';
import { profilePath } from './PostCard';

interface ProfileSummary {
  id: string;
  handle: string;
  display_name: string;
}

/** Find people by name or handle (the API's profile search), to open their profile and follow. */
export function People() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const results = useQuery({
    queryKey: keys.search(q),
    enabled: q !== '',
    queryFn: async () => {
      const page = await call(
        api.GET('/v1/social/search', { params: { query: { q, type: 'profiles', limit: 20 } } }),
      );
      return page.items as ProfileSummary[];
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
  };
  return (
    <>
      <h1>People</h1>
      <search>
        <form className="row card" onSubmit={onSubmit}>
          <TextField
            label="Name or handle"
            type="search"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="search-button">
            Search
          </button>
        </form>
      </search>
      {q !== '' && (
        <QueryView
          query={results}
          empty={<p>Nobody matches “{q}”.</p>}
          isEmpty={(items) => items.length === 0}
        >
          {(items) => (
            <ul className="plain card">
              {items.map((profile) => (
                <li key={profile.id}>
                  <Link href={profilePath(profile.handle)}>
                    <strong>{profile.display_name}</strong>{' '}
                    <span className="muted">@{profile.handle}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      )}
    </>
  );
}
