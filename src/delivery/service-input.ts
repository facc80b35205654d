import type { FieldError } from '../platform/http/validation.ts';
import {
  type AllowedRanges,
  checkUrl,
  OutboundRefused,
} from '../platform/outbound/target-guard.ts';
import { Problem } from '../platform/problems.ts';
import { sealPrivateKey } from './certificates/key-envelope.ts';
import { NodeSourceError, parseNodeSource, parseS3Endpoint } from './node-source.ts';
import { templateRefused } from './ranges.ts';
import { validateRenewalWindow } from './renewal.ts';
import type { NodeSourceInput } from './schemas.ts';
import type { ServiceFields } from './store/services.ts';
import type { DeliveryMode, MetadataKind } from './store/tables.ts';
import { expandTemplate } from './templates.ts';

// The checks of a service's settings that the schema cannot make, with the delivery libraries:
// its name (a SPIFFE path segment as every SPIFFE library reads it), its renewal window, its URL
// templates and its node source. Each refusal is a field of one 422 `invalid-service`; a URL
// Meridian may not call (a private address) is the platform's `target-refused`.

/** Letters, digits and `. _ -`, from a letter or digit: what SPIFFE IDs and URLs take as is. */
const serviceNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** A service's settings as the schema let them through (create, or a row merged with a patch). */
export interface ServiceSettings {
  name: string;
  kind: MetadataKind;
  /** Default push. */
  mode?: DeliveryMode;
  renewal_window?: { start?: number; end?: number; danger_at?: number } | null;
  /** A push service's, required; a pull service has none. */
  push_url_template?: string | null;
  fetch_url_template?: string | null;
  static_metadata?: Record<string, unknown> | null;
}

/** Collects the refusals of one request, and throws them together. */
export class FieldErrors {
  readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const detail = this.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Problem('invalid-service', detail, { errors: this.errors });
  }
}

/**
 * The columns of the settings, or a 422 listing every refused field. `notes` are remarks on a
 * window that is accepted but unwise (a single point), for the customer.
 */
export function checkSettings(
  settings: ServiceSettings,
  allowPrivate: boolean,
  allowed?: AllowedRanges,
): { fields: ServiceFields; notes: string[] } {
  const errors = new FieldErrors();
  if (!serviceNamePattern.test(settings.name)) {
    errors.add(
      'body/name',
      'must be 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  const window = checkWindow(settings.renewal_window, errors);
  const mode = settings.mode ?? 'push';
  checkPushUrl(mode, settings.push_url_template, allowPrivate, errors, allowed);
  checkKindFields(settings, allowPrivate, errors, allowed);
  errors.throwIfAny();
  return {
    fields: {
      name: settings.name,
      kind: settings.kind,
      mode,
      push_url_template: settings.push_url_template ?? null,
      fetch_url_template: settings.fetch_url_template ?? null,
      static_metadata: settings.static_metadata ?? null,
      window_start: window?.start,
      window_end: window?.end,
      danger_at: window?.dangerAt,
    },
    notes: window?.notes ?? [],
  };
}

function checkWindow(given: ServiceSettings['renewal_window'], errors: FieldErrors) {
  const { danger_at, ...rest } = given ?? {};
  const result = validateRenewalWindow({ ...rest, dangerAt: danger_at });
  if (result.ok) return { ...result.window, notes: result.notes };
  for (const error of result.errors) {
    const field = error.field === 'dangerAt' ? 'danger_at' : error.field;
    errors.add(`body/renewal_window/${field}`, error.message.replaceAll('dangerAt', 'danger_at'));
  }
  return undefined;
}

function checkKindFields(
  settings: ServiceSettings,
  allowPrivate: boolean,
  errors: FieldErrors,
  allowed?: AllowedRanges,
) {
  const { kind, fetch_url_template: fetchUrl, static_metadata: staticMetadata } = settings;
  if (kind === 'fetched') {
    if (fetchUrl) checkTemplate('body/fetch_url_template', fetchUrl, allowPrivate, errors, allowed);
    else errors.add('body/fetch_url_template', 'is required for kind fetched');
  } else if (fetchUrl != null) {
    errors.add('body/fetch_url_template', 'is only for kind fetched');
  }
  if (kind === 'static' && staticMetadata == null) {
    errors.add('body/static_metadata', 'is required for kind static');
  } else if (kind !== 'static' && staticMetadata != null) {
    errors.add('body/static_metadata', 'is only for kind static');
  }
}

/** A push service is pushed at its template; a pull service's agents come to Meridian. */
function checkPushUrl(
  mode: DeliveryMode,
  template: string | null | undefined,
  allowPrivate: boolean,
  errors: FieldErrors,
  allowed?: AllowedRanges,
) {
  if (mode === 'pull') {
    if (template != null) {
      errors.add(
        'body/push_url_template',
        "is only for push: a pull service's agents poll Meridian",
      );
    }
  } else if (template == null) {
    errors.add('body/push_url_template', 'is required in push mode: where each node is pushed');
  } else {
    checkTemplate('body/push_url_template', template, allowPrivate, errors, allowed);
  }
}

/**
 * A URL template must give a URL Meridian may call for any node: https (http only where private
 * targets are allowed: tests, one machine), no credentials, not a private address literal.
 * Host names are resolved at each call (the outbound guard), since a template may put the node
 * in the host.
 */
function checkTemplate(
  field: string,
  template: string,
  allowPrivate: boolean,
  errors: FieldErrors,
  allowed?: AllowedRanges,
) {
  const example = expandTemplate(template, 'node-1');
  if (!URL.canParse(example) || !/^https?:\/\/[^/\\?#]/i.test(example)) {
    errors.add(field, 'is not an absolute http(s) URL, with {node} where the node name goes');
    return;
  }
  if (new URL(example).protocol === 'http:' && !allowPrivate) {
    errors.add(field, 'must be https: metadata (private keys among it) must not cross in clear');
    return;
  }
  try {
    checkUrl(example, allowPrivate, allowed);
  } catch (error) {
    throw error instanceof OutboundRefused ? templateRefused(field, error) : error;
  }
}

/** The node-source columns for `input` (null: nodes are registered through the API). */
export function checkNodeSource(
  input: NodeSourceInput | null,
  allowPrivate: boolean,
  secret: string | undefined,
): ServiceFields {
  if (input === null) return noSource;
  const errors = new FieldErrors();
  const field = (name: string) => `body/node_source/${name}`;
  const source = refusedAs(errors, field('location'), () =>
    parseNodeSource(input.location, { allowHttp: allowPrivate }),
  );
  const endpoint =
    input.s3_endpoint === undefined
      ? undefined
      : refusedAs(errors, field('s3_endpoint'), () =>
          parseS3Endpoint(input.s3_endpoint as string, { allowHttp: allowPrivate }),
        );
  const hasKey = input.access_key_id !== undefined || input.secret_access_key !== undefined;
  if (source?.kind === 's3' && !(input.access_key_id && input.secret_access_key)) {
    errors.add(field('access_key_id'), 'an s3:// source needs access_key_id and secret_access_key');
  }
  if (source?.kind === 'http' && (hasKey || endpoint || input.s3_region)) {
    errors.add(field('location'), 'S3 settings and keys are only for s3:// sources');
  }
  errors.throwIfAny();
  if (source?.kind === 'http') refusedTarget(field('location'), source.url, allowPrivate);
  if (endpoint) refusedTarget(field('s3_endpoint'), endpoint, allowPrivate);
  return {
    source_location: source?.location ?? null,
    source_s3_endpoint: endpoint ?? null,
    source_s3_region: input.s3_region ?? null,
    source_credentials: hasKey && secret ? sealCredentials(input, secret) : null,
    source_etag: null,
    source_checked_at: null,
    source_error: null,
    allow_empty_source: input.allow_empty ?? false,
  };
}

const noSource: ServiceFields = {
  source_location: null,
  source_s3_endpoint: null,
  source_s3_region: null,
  source_credentials: null,
  source_etag: null,
  source_checked_at: null,
  source_error: null,
  allow_empty_source: false,
};

function refusedAs<T>(errors: FieldErrors, field: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof NodeSourceError)) throw error;
    errors.add(field, error.message);
    return undefined;
  }
}

function refusedTarget(field: string, url: string, allowPrivate: boolean): void {
  try {
    checkUrl(url, allowPrivate);
  } catch (error) {
    if (error instanceof OutboundRefused)
      throw new Problem('target-refused', `${field}: ${error.message}`);
    throw error;
  }
}

/** An S3 key at rest: sealed under the server secret as a CA key is (key-envelope.ts). */
function sealCredentials(input: NodeSourceInput, secret: string): string {
  const credentials = {
    accessKeyId: input.access_key_id,
    secretAccessKey: input.secret_access_key,
    ...(input.session_token ? { sessionToken: input.session_token } : {}),
  };
  return sealPrivateKey(Buffer.from(JSON.stringify(credentials)), secret);
}
