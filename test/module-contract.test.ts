import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { defineConfigSection } from '../src/platform/config.ts';
import { transaction } from '../src/platform/db/database.ts';
import { principalOf } from '../src/platform/identity/authenticate.ts';
import { defineJob } from '../src/platform/jobs/define.ts';
import type { Module } from '../src/platform/module.ts';
import { defineProblems, Problem } from '../src/platform/problems.ts';
import { defineService } from '../src/platform/service.ts';
import { apiClient, expectProblem, signUp, signUpOperator, startTestServer } from './helpers.ts';
import { openStream } from './stream-clients.ts';

// A new system as a module would write it, every part of the contract at once: its tables,
// configuration, problems, routes, a typed job, a service and a topic namespace, with users and
// roles from core.identity, plugged in by a list of modules alone (as main.ts does), through a
// real server.

const notesConfig = defineConfigSection('notes', (env) => ({
  maxLength: env.integer('NOTES_MAX_LENGTH', 280, 1, 10_000),
}));

const notesProblems = defineProblems({
  'note-too-long': { status: 422, title: 'The note is longer than this Meridian allows' },
});
type NotesProblems = typeof notesProblems;
declare module '../src/platform/problems.ts' {
  interface ProblemNames extends NotesProblems {}
}

const indexNoteJob = defineJob<{ noteId: string }>('notes.index');

interface NotesTables {
  contract_notes: { id: string; org_id: string; text: string; indexed_at: Date | null };
}
const notes = (db: Kysely<any>) => db as Kysely<NotesTables>;

let serviceStarts = 0;

const notesModule: Module = {
  name: 'notes',
  migrations: new URL('./fixtures/notes-migrations/', import.meta.url),
  config: notesConfig,
  problems: notesProblems,
  routes(app, core) {
    const { maxLength } = notesConfig.of(core.config);
    app.post(
      '/test/orgs/:orgId/notes',
      {
        onRequest: core.auth.requireUser,
        schema: {
          params: Type.Object({ orgId: Type.String() }),
          body: Type.Object({ text: Type.String() }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        const userId = principalOf(request).user.id;
        await core.identity.requireRole(orgId, userId, ['owner', 'admin'], 'write notes');
        if (request.body.text.length > maxLength) {
          throw new Problem('note-too-long', `a note has at most ${maxLength} characters`);
        }
        const id = randomUUID();
        await transaction(core.database.db, async (tx) => {
          await notes(tx)
            .insertInto('contract_notes')
            .values({ id, org_id: orgId, text: request.body.text })
            .execute();
          await core.jobs.enqueue(indexNoteJob.spec({ noteId: id }), { tx });
          await core.events.publish(tx, {
            topic: `notes:${orgId}`,
            type: 'note.created',
            data: { id },
          });
        });
        return reply.code(201).send({ id });
      },
    );
  },
  jobs: (core) => [
    indexNoteJob.handle(async (job) => {
      await notes(core.database.db)
        .updateTable('contract_notes')
        .set({ indexed_at: sql<Date>`now()` })
        .where('id', '=', job.payload.noteId)
        .execute();
    }),
  ],
  services: () => [
    defineService('notes.watcher', {
      start: () => {
        serviceStarts++;
      },
      stop: () => {},
    }),
  ],
  topics: {
    notes: async (userId, orgId, core) => (await core.identity.roleIn(orgId, userId)) !== undefined,
  },
  alertRules: [
    {
      name: 'notes-alarm',
      severity: 'info',
      async evaluate(core) {
        const rows = await notes(core.database.db)
          .selectFrom('contract_notes')
          .select('org_id')
          .where('text', '=', 'alarm')
          .execute();
        return rows.map((row) => ({ key: row.org_id, summary: `alarm in ${row.org_id}` }));
      },
    },
  ],
};

const { url, database } = await startTestServer({
  systems: [notesModule],
  env: { NOTES_MAX_LENGTH: '20', ALERTS_EVALUATE_SECONDS: '1' },
});
const api = apiClient(url);
const owner = await signUp(api, 'owner');
const member = await signUp(api, 'member');
const stranger = await signUp(api, 'stranger');
const org = (await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Notes' } })).body;
await api('POST', `/v1/orgs/${org.id}/members`, {
  token: owner.token,
  body: { email: member.email, role: 'member' },
});

describe('a system plugged in as a module', () => {
  it('runs its service, and its routes answer with its config, problems and roles', async () => {
    expect(serviceStarts).toBe(1);
    const tooLong = await api('POST', `/test/orgs/${org.id}/notes`, {
      token: owner.token,
      body: { text: 'more than twenty characters' },
    });
    expect(expectProblem(tooLong, 'note-too-long', notesProblems).detail).toBe(
      'a note has at most 20 characters',
    );
    const asMember = await api('POST', `/test/orgs/${org.id}/notes`, {
      token: member.token,
      body: { text: 'hello' },
    });
    expect(expectProblem(asMember, 'forbidden').detail).toBe(
      'Your role (member) may not write notes',
    );
    const asStranger = await api('POST', `/test/orgs/${org.id}/notes`, {
      token: stranger.token,
      body: { text: 'hello' },
    });
    expectProblem(asStranger, 'not-found');
  });

  it('runs its typed job and publishes on its topic to members only', async () => {
    const stream = await openStream(url, { token: member.token });
    expect(await stream.subscribe([`notes:${org.id}`])).toMatchObject({ type: 'subscribed' });
    const outsider = await openStream(url, { token: stranger.token });
    expect(await outsider.subscribe([`notes:${org.id}`])).toMatchObject({ type: 'error' });

    const created = await api('POST', `/test/orgs/${org.id}/notes`, {
      token: owner.token,
      body: { text: 'hello' },
    });
    expect(created.status).toBe(201);
    const event = await stream.next((message) => message.type === 'event');
    expect(event).toMatchObject({ topic: `notes:${org.id}`, data: { id: created.body.id } });
    await expect
      .poll(async () => {
        const row = await notes(database.db)
          .selectFrom('contract_notes')
          .select('indexed_at')
          .where('id', '=', created.body.id)
          .executeTakeFirst();
        return row?.indexed_at instanceof Date;
      })
      .toBe(true);
    stream.ws.close();
    outsider.ws.close();
  });

  it('has its alert rule evaluated, its alert listed to operators', async () => {
    const operator = await signUpOperator(api, { database });
    const created = await api('POST', `/test/orgs/${org.id}/notes`, {
      token: owner.token,
      body: { text: 'alarm' },
    });
    expect(created.status).toBe(201);
    await expect
      .poll(
        async () =>
          (await api('GET', '/v1/admin/alerts?rule=notes-alarm', { token: operator.token })).body
            .items,
        { timeout: 10_000, interval: 100 },
      )
      .toMatchObject([
        {
          rule: 'notes-alarm',
          key: org.id,
          state: 'firing',
          severity: 'info',
          summary: `alarm in ${org.id}`,
        },
      ]);
  });
});
