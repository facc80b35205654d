import type { Logger } from 'pino';
import type { Core, Module, TopicAuthoriser } from '../module.ts';
import { topicPattern } from './publish.ts';

/** The platform's own namespaces: a user's topic is theirs alone, an organisation's its members'. */
export const platformTopics: Record<string, TopicAuthoriser> = {
  user: async (userId, id) => id === userId,
  org: async (userId, id, core) => (await core.identity.roleIn(id, userId)) !== undefined,
};

/** Why a user may not subscribe to a topic: it is not one (`topic-invalid`), or not theirs. */
export interface TopicRefusal {
  problem: 'topic-invalid' | 'topic-forbidden';
  reason: string;
  /** The check itself failed (the database away): no verdict on the topic. */
  undecided?: true;
}

/** Says, for a topic, why a user may not subscribe to it (undefined: they may). */
export type TopicCheck = (userId: string, topic: string) => Promise<TopicRefusal | undefined>;

const invalid = (reason: string): TopicRefusal => ({ problem: 'topic-invalid', reason });
const forbidden = (reason: string): TopicRefusal => ({ problem: 'topic-forbidden', reason });

/**
 * Checks topics against the platform's namespaces and the modules' `topics` hooks. A refusal
 * names the topic and why, without telling whether its subject exists (an organisation you are
 * not in reads the same as one that does not exist).
 */
export function createTopicCheck(core: Core, modules: Module[], log: Logger): TopicCheck {
  const authorisers: Record<string, TopicAuthoriser> = {};
  for (const module of modules) Object.assign(authorisers, module.topics);
  Object.assign(authorisers, platformTopics);
  const known = Object.keys(authorisers).sort().join(', ');

  return async (userId, topic) => {
    const match = topicPattern.exec(topic);
    if (!match) return invalid(`"${topic.slice(0, 200)}" is not a topic: use <namespace>:<id>`);
    const [, namespace = '', id = ''] = match;
    const authorise = authorisers[namespace];
    if (!authorise) return invalid(`unknown topic namespace "${namespace}" (known: ${known})`);
    try {
      if (await authorise(userId, id, core)) return undefined;
    } catch (error) {
      log.error({ err: error, topic }, 'topic authorisation failed');
      return { ...forbidden(`"${topic}" could not be authorised; try again`), undecided: true };
    }
    if (namespace === 'user') return forbidden(`"${topic}" is another user's topic`);
    if (namespace === 'org') {
      return forbidden(`"${topic}": you are not a member of that organisation`);
    }
    return forbidden(`"${topic}" is not yours to subscribe to`);
  };
}
