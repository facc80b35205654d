// The agents of bench/delivery-agents.ts, made through the agent API as `meridian agent` makes
// them: pull services of static metadata in a new organisation, a join token each, and `count`
// nodes joined with them; each agent then fetches its node's first version (a poll from version 0)
// and acknowledges it, so that its next poll finds nothing newer and waits.
import { call, createOrganisation } from './fleet.ts';

type Organisation = Awaited<ReturnType<typeof createOrganisation>>;

/** A joined node's agent: its credential and the version it acknowledged. */
export interface JoinedAgent {
  credential: string;
  version: number;
}

/** Agents joining at once. */
export const lanes = 32;
/**
 * The agents are spread over services of this many nodes: a join, the version's preparation
 * and the acknowledgement each lock the node's service, so that one service takes its agents'
 * joins one at a time (about 30 a second here); what an idle poll holds is the same in any.
 */
export const agentsPerService = 500;

async function agentCall(url: string, path: string, credential: string, body?: unknown) {
  const response = await fetch(`${url}/v1/delivery/agent${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${credential}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Joins `node`, polls until its first version is ready, and acknowledges that version. */
async function joinAndAcknowledge(url: string, joinToken: string, node: string) {
  const { credential } = await call<{ credential: string }>(
    url,
    undefined,
    '/v1/delivery/agent/join',
    { token: joinToken, node, agent_time: new Date().toISOString() },
  );
  const firstPoll = () => agentCall(url, '/metadata?version=0&wait=60', credential);
  let offer = await firstPoll();
  // 204: the wait ended before the dispatcher prepared the version (a slow start); ask again.
  while (offer.status === 204) offer = await firstPoll();
  if (offer.status !== 200)
    throw new Error(`${node}'s poll: ${offer.status} ${JSON.stringify(offer.body)}`);
  const { version } = offer.body as { version: number };
  const ack = await agentCall(url, '/ack', credential, {
    version,
    agent_time: new Date().toISOString(),
  });
  if (ack.body?.state !== 'acknowledged') {
    throw new Error(`${node}'s ack: ${ack.status} ${JSON.stringify(ack.body)}`);
  }
  return { credential, version };
}

/** A new pull service of static metadata; a join token for it. */
async function pullService(url: string, org: Organisation, name: string): Promise<string> {
  const service = await call(url, org.token, '/v1/delivery/services', {
    org_id: org.orgId,
    name,
    mode: 'pull',
    kind: 'static',
    static_metadata: { tier: 'bench' },
    // A day: no node is due again (a new version, a poll answered) while the benchmark runs.
    lifetime_minutes: 24 * 60,
    concurrency: 64,
  });
  const path = `/v1/delivery/services/${service.id}/join-tokens`;
  return (await call(url, org.token, path, { name: 'bench' })).token;
}

/** `count` agents of new pull services, each with its first version acknowledged. */
export async function joinAgents(
  url: string,
  count: number,
  progress: (line: string) => void,
): Promise<JoinedAgent[]> {
  const org = await createOrganisation(url);
  const tokens: string[] = [];
  for (let i = 0; i < Math.ceil(count / agentsPerService); i++) {
    tokens.push(await pullService(url, org, `idle-agents-${i}`));
  }
  const agents: JoinedAgent[] = [];
  let next = 0;
  async function lane() {
    while (next < count) {
      const index = next++;
      const token = tokens[index % tokens.length] as string;
      agents[index] = await joinAndAcknowledge(url, token, `agent-${index}`);
      if ((index + 1) % 1000 === 0) progress(`  ${index + 1} agents joined and acknowledged`);
    }
  }
  await Promise.all(Array.from({ length: Math.min(lanes, count) }, lane));
  return agents;
}
