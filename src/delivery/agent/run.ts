import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { agentExpiresAt, agentRetryDelay } from './backoff.ts';
import {
  type AgentClient,
  AgentSetupError,
  createAgentClient,
  isCertificateError,
  ServerAnswer,
} from './client.ts';
import { publicMode, readIfExists, secretMode, writeFileAtomic } from './files.ts';
import { certifiesKey, newNodeKey } from './keys.ts';

// `meridian agent`: one node's side of pull mode (docs/delivery.md, "Pull mode and the agent").
// It joins once with the service's join token and keeps the node credential it receives in its
// directory; then it long-polls, writes each new version's files atomically, runs the reload
// command, and acknowledges the version (or refuses it with the error: a NACK). Failures of the
// server or the network are retried with `agentRetryDelay` (full jitter, capped, never waiting
// past the expiry of what the node holds); answers not yet delivered are kept on disk.
//
// Keys: each certificate certifies a key made here. The agent always holds the key of the CSR
// it sent last (`next-key.pem`, with the CSR in `next-csr.pem`): sent at the join, and with each
// answer, so the next version certifies a new key. A version whose certificate is for that key
// makes it `key.pem`; one for the key in use (made before Meridian had the new CSR) keeps it.

export interface AgentOptions {
  server: string;
  /** The service's join token; needed for the first join (and a join again). */
  token?: string;
  out: string;
  node: string;
  exec?: string;
  execTimeoutMs: number;
  caFile?: string;
  insecureHttp: boolean;
  /** The long poll's wait, in seconds (at most 60). */
  waitSeconds: number;
  /** One line per event (the command writes them on stderr). */
  log: (line: string) => void;
  /** Aborted: the agent stops (a signal). */
  signal: AbortSignal;
}

/** What the agent keeps in `agent.json` (mode 600: it holds the credential). */
interface AgentState {
  server: string;
  node: string;
  service: { id: string; name: string; kind: string };
  credential: string;
  /** The last version applied or refused: the long poll asks for newer ones. */
  version: number;
  /** When what the node holds expires, on this machine's clock (`agentExpiresAt`). */
  expiresAt?: number;
  /** An answer the server has not received yet; sent before anything else. */
  answer?: { version: number; error?: string; csr?: string };
}

const stateFile = 'agent.json';
const nextKeyFile = 'next-key.pem';
const nextCsrFile = 'next-csr.pem';

/** Runs until `signal` aborts; throws `AgentSetupError` for what no retry can mend. */
export async function runAgent(options: AgentOptions): Promise<void> {
  const client = await createAgentClient(options);
  try {
    await mkdir(options.out, { recursive: true, mode: 0o755 });
    await new PullLoop(options, client).run();
  } finally {
    await client.close();
  }
}

class PullLoop {
  private state!: AgentState;
  private attempt = 0;

  private readonly options: AgentOptions;
  private readonly client: AgentClient;

  constructor(options: AgentOptions, client: AgentClient) {
    this.options = options;
    this.client = client;
  }

  async run(): Promise<void> {
    const { signal, log } = this.options;
    const kept = await this.loadState();
    if (kept) {
      this.state = kept;
      log(`node ${kept.node} of ${kept.service.name}: resuming after version ${kept.version}`);
    } else {
      await this.retrying(() => this.join(), true);
    }
    while (!signal.aborted) await this.retrying(() => this.pollOnce(), false);
  }

  /** Runs `step`; a failure is logged and waited out (fatal ones are thrown). */
  private async retrying(step: () => Promise<void>, joining: boolean): Promise<void> {
    const { signal, log } = this.options;
    for (;;) {
      try {
        await step();
        this.attempt = 0;
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof AgentSetupError) throw error;
        if (joining && isCertificateError(error)) {
          throw new AgentSetupError(
            `cannot verify the TLS certificate of ${this.options.server} (${describe(error)}); give its CA with --ca-file`,
          );
        }
        this.attempt++;
        const now = Date.now();
        const delay = agentRetryDelay({
          attempt: this.attempt,
          now,
          expiresAt: this.state?.expiresAt ?? now,
        });
        log(`${describe(error)}; retrying in ${(delay / 1000).toFixed(1)} s`);
        await sleep(delay, undefined, { signal }).catch(() => {});
      }
    }
  }

  private async join(): Promise<void> {
    const { options, client } = this;
    if (!options.token) {
      throw new AgentSetupError(`no credential in ${options.out}: give a join token with --token`);
    }
    const { csrPem } = await this.nextKey();
    const answer = await client.call('POST', '/v1/delivery/agent/join', {
      body: {
        token: options.token,
        node: options.node,
        csr: csrPem,
        agent_time: new Date().toISOString(),
      },
      signal: options.signal,
    });
    if (answer.status >= 400 && answer.status < 500) {
      throw new AgentSetupError(
        `the join was refused: ${new ServerAnswer(answer.status, answer.body).message}`,
      );
    }
    if (answer.status !== 201) throw new ServerAnswer(answer.status, answer.body);
    const body = answer.body as { credential: string; service: AgentState['service'] };
    this.state = {
      server: options.server,
      node: options.node,
      service: body.service,
      credential: body.credential,
      // A join drops what was kept for the node and prepares a new version: any is newer than 0.
      // (The node may be a new one of the same name, whose versions count from 1 again.)
      version: 0,
      expiresAt: this.state?.expiresAt,
    };
    await this.saveState();
    if (body.service.kind !== 'certificate') await this.dropNextKey();
    options.log(`joined ${body.service.name} as node ${options.node}`);
  }

  private async pollOnce(): Promise<void> {
    const { options, client } = this;
    if (this.state.answer) await this.sendAnswer();
    const sentAt = Date.now();
    const answer = await client.call(
      'GET',
      `/v1/delivery/agent/metadata?version=${this.state.version}&wait=${options.waitSeconds}`,
      {
        credential: this.state.credential,
        signal: options.signal,
        timeoutMs: (options.waitSeconds + 30) * 1000,
      },
    );
    if (answer.status === 204) return;
    if (answer.status === 401) return this.joinAgain(answer.body);
    if (answer.status !== 200 || !answer.body) throw new ServerAnswer(answer.status, answer.body);
    await this.apply(answer.body as unknown as Offer, sentAt);
    await this.sendAnswer();
  }

  /** The credential was refused (a later join replaced it, the node was removed): join again. */
  private async joinAgain(body: Record<string, unknown> | undefined): Promise<void> {
    if (!this.options.token) {
      throw new AgentSetupError(
        `the node credential was refused (${String(body?.detail ?? 'unauthorized')}) and no --token was given to join again`,
      );
    }
    this.options.log('the server refused the node credential; joining again');
    this.state.answer = undefined;
    await this.join();
  }

  /** Writes the version's files and runs the reload command; the answer is kept to be sent. */
  private async apply(offer: Offer, sentAt: number): Promise<void> {
    const { options } = this;
    let error: string | undefined;
    try {
      if (offer.kind === 'certificate') await this.writeCertificate(offer.metadata);
      const { server_time: _, ...kept } = offer;
      // The customer's metadata may hold secrets of its own: the owner only, as the key.
      await writeFileAtomic(
        options.out,
        'metadata.json',
        `${JSON.stringify(kept, null, 2)}\n`,
        secretMode,
      );
      options.log(
        `version ${offer.version} written to ${options.out} (expires ${offer.expires_at})`,
      );
      if (options.exec) {
        await runReload(options.exec, options.execTimeoutMs, offer.version, options.out);
        options.log(`reload command ran for version ${offer.version}`);
      }
    } catch (failure) {
      error = (failure as Error).message;
      options.log(`version ${offer.version} refused: ${error}`);
    }
    const csr = offer.kind === 'certificate' ? (await this.nextKey()).csrPem : undefined;
    this.state.version = offer.version;
    if (!error) {
      this.state.expiresAt = agentExpiresAt({
        expiresAt: Date.parse(offer.expires_at),
        serverNow: Date.parse(offer.server_time),
        requestSentAt: sentAt,
      });
    }
    this.state.answer = {
      version: offer.version,
      ...(error ? { error } : {}),
      ...(csr ? { csr } : {}),
    };
    await this.saveState();
  }

  private async writeCertificate(metadata: Record<string, unknown>): Promise<void> {
    const { out } = this.options;
    const certificatePem = String(metadata.certificate_pem ?? '');
    const next = await readIfExists(path.join(out, nextKeyFile));
    const current = await readIfExists(path.join(out, 'key.pem'));
    const forNext = next !== undefined && certifiesKey(certificatePem, next);
    if (!forNext && !(current !== undefined && certifiesKey(certificatePem, current))) {
      throw new Error("the certificate is not for this agent's key; a new CSR is sent");
    }
    if (forNext) await writeFileAtomic(out, 'key.pem', next, secretMode);
    await writeFileAtomic(out, 'cert.pem', certificatePem, publicMode);
    await writeFileAtomic(out, 'chain.pem', String(metadata.chain_pem ?? ''), publicMode);
    await writeFileAtomic(out, 'ca.pem', String(metadata.ca_certificate_pem ?? ''), publicMode);
    // The key of the CSR sent with this answer: the next version certifies it.
    if (forNext) await this.dropNextKey();
  }

  /** The key whose CSR is sent next, made when there is none. */
  private async nextKey(): Promise<{ csrPem: string }> {
    const { out } = this.options;
    const key = await readIfExists(path.join(out, nextKeyFile));
    const csrPem = await readIfExists(path.join(out, nextCsrFile));
    if (key && csrPem) return { csrPem };
    const made = await newNodeKey(this.options.node);
    await writeFileAtomic(out, nextKeyFile, made.privateKeyPem, secretMode);
    await writeFileAtomic(out, nextCsrFile, made.csrPem, publicMode);
    return { csrPem: made.csrPem };
  }

  private async dropNextKey(): Promise<void> {
    const { out } = this.options;
    await rm(path.join(out, nextKeyFile), { force: true });
    await rm(path.join(out, nextCsrFile), { force: true });
  }

  private async sendAnswer(): Promise<void> {
    const { options, client } = this;
    const pending = this.state.answer;
    if (!pending) return;
    const answer = await client.call('POST', '/v1/delivery/agent/ack', {
      credential: this.state.credential,
      body: { ...pending, agent_time: new Date().toISOString() },
      signal: options.signal,
    });
    if (answer.status === 401) return this.joinAgain(answer.body);
    if (answer.status === 200) {
      options.log(
        `${pending.error ? 'refused' : 'acknowledged'} version ${pending.version} to the server`,
      );
    } else if (answer.status === 409 || answer.status === 422) {
      // A newer version was made meanwhile (the poll brings it), or the answer cannot be taken.
      options.log(
        `the server did not take the answer for version ${pending.version}: ${new ServerAnswer(answer.status, answer.body).message}`,
      );
    } else {
      throw new ServerAnswer(answer.status, answer.body);
    }
    this.state.answer = undefined;
    await this.saveState();
  }

  private async loadState(): Promise<AgentState | undefined> {
    const text = await readIfExists(path.join(this.options.out, stateFile));
    if (!text) return undefined;
    let state: AgentState;
    try {
      state = JSON.parse(text) as AgentState;
    } catch {
      throw new AgentSetupError(
        `${path.join(this.options.out, stateFile)} is not the agent's JSON: remove it to join again`,
      );
    }
    // Another server or node name: this directory's credential is not for it.
    const same = state.server === this.options.server && state.node === this.options.node;
    return same ? state : undefined;
  }

  private saveState(): Promise<void> {
    const text = `${JSON.stringify(this.state, null, 2)}\n`;
    return writeFileAtomic(this.options.out, stateFile, text, secretMode);
  }
}

/** A version as the long poll answers it. */
interface Offer {
  version: number;
  kind: string;
  issued_at: string;
  expires_at: string;
  server_time: string;
  metadata: Record<string, unknown>;
}

/**
 * Runs the reload command in a shell, in a process group of its own (so that a timeout ends
 * what it started too); its failure, with the end of its stderr, becomes the NACK's error.
 */
function runReload(command: string, timeoutMs: number, version: number, dir: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MERIDIAN_VERSION: String(version), MERIDIAN_DIR: dir },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-500);
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`the reload command did not end within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`the reload command could not start: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const said = stderr.trim() ? `: ${stderr.trim()}` : '';
      reject(new Error(`the reload command failed (${signal ?? `exit ${code}`})${said}`));
    });
  });
}

function describe(error: unknown): string {
  if (error instanceof ServerAnswer) return error.message;
  const { code, message } = error as { code?: string; message?: string };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return `the server is unreachable (${code ?? message ?? String(error)}${detail ? `: ${detail}` : ''})`;
}
