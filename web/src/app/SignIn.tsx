import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { api, call, setToken } from './api';
import { asProblem, ProblemMessage, TextField } from './ui';

/** Sign in, or sign up with `creating`: either way the API hands back a token. */
export function SignIn({ creating, onSignedIn }: { creating: boolean; onSignedIn: () => void }) {
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  // The page the visitor was sent from (`?next=`) survives a switch between the two forms.
  const search = useSearch();
  const query = search ? `?${search}` : '';
  const submit = useMutation({
    mutationFn: async () => {
      const { email, password, name } = form;
      const { token } = creating
        ? await call(api.POST('/v1/auth/signup', { body: { email, password, name } }))
        : await call(api.POST('/v1/auth/login', { body: { email, password } }));
      setToken(token);
    },
    onSuccess: onSignedIn,
  });
  const problem = submit.error ? asProblem(submit.error) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    error: problem?.fieldError(name),
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [name]: event.target.value }),
  });
  return (
    <main className="centred">
      <form className="card auth" onSubmit={onSubmit} noValidate>
        <h1>{creating ? 'Create your account' : 'Sign in to Meridian'}</h1>
        {creating && <TextField label="Name" autoComplete="name" {...field('name')} />}
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete={creating ? 'new-password' : 'current-password'}
          hint={creating ? 'At least 8 characters' : undefined}
          {...field('password')}
        />
        {problem && problem.errors.length === 0 && <ProblemMessage error={problem} />}
        <button type="submit" disabled={submit.isPending}>
          {creating ? 'Sign up' : 'Sign in'}
        </button>
        <p>
          {creating ? (
            <>
              Have an account? <Link href={`/signin${query}`}>Sign in</Link>
            </>
          ) : (
            <>
              New here? <Link href={`/signup${query}`}>Create an account</Link>
            </>
          )}
        </p>
      </form>
    </main>
  );
}
