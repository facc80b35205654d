import type { Db } from '../platform/db/database.ts';
import { validationProblem } from '../platform/http/validation.ts';
import {
  type AllowedRanges,
  guardedLookupAllowing,
  OutboundRefused,
  parseRanges,
} from '../platform/outbound/target-guard.ts';
import { Problem } from '../platform/problems.ts';
import type { Delivery } from './delivery.ts';
import { operationTables as tables } from './store/operation-tables.ts';
import { expandTemplate } from './templates.ts';

// Targets on private networks (docs/delivery.md, "Private networks"): customers' nodes are
// usually on private addresses, so an operator allows address ranges per organisation. Pushes
// and fetches of that organisation may reach private addresses in them, checked at each
// connection as every target is; every other private or loopback address stays refused.

/** The most ranges an organisation may have. */
const maxRanges = 100;

/** The organisation's allowed ranges, for the outbound guard; undefined when it has none. */
export async function allowedRangesOf(db: Db, orgId: string): Promise<AllowedRanges | undefined> {
  const row = await tables(db)
    .selectFrom('delivery_allowed_ranges')
    .select('ranges')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return allowedRangesFrom(orgId, row?.ranges);
}

/** The organisation's allowed ranges from its stored row's (read elsewhere). */
export function allowedRangesFrom(
  orgId: string,
  ranges: string[] | null | undefined,
): AllowedRanges | undefined {
  if (!ranges || ranges.length === 0) return undefined;
  const parsed = parseRanges(ranges);
  // Stored only once parsed: a row that does not parse allows nothing.
  if (!('list' in parsed)) return undefined;
  return { key: `${orgId}:${ranges.join(',')}`, list: parsed.list };
}

/** The ranges as stored, [] for none. */
export async function rangesOf(db: Db, orgId: string): Promise<string[]> {
  const row = await tables(db)
    .selectFrom('delivery_allowed_ranges')
    .select('ranges')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.ranges ?? [];
}

/** Replaces the organisation's ranges (an operator's call); each entry is checked. */
export async function setRanges(db: Db, orgId: string, ranges: string[], userId: string) {
  if (ranges.length > maxRanges) {
    throw validationProblem([{ field: 'body/ranges', message: `at most ${maxRanges} ranges` }]);
  }
  const parsed = parseRanges(ranges);
  if ('errors' in parsed) {
    throw validationProblem(
      parsed.errors.map((e) => ({ field: `body/ranges/${e.index}`, message: e.message })),
    );
  }
  const normalised = [...new Set(ranges.map((range) => range.trim()))];
  await tables(db)
    .insertInto('delivery_allowed_ranges')
    .values({ org_id: orgId, ranges: normalised, updated_by: userId })
    .onConflict((conflict) =>
      conflict
        .column('org_id')
        .doUpdateSet({ ranges: normalised, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
  return normalised;
}

/**
 * Refuses at onboarding a template Meridian could not call for this organisation: its host is
 * fixed (no `{node}` in it) and is, or resolves to, a private address outside the allowed
 * ranges. A name that does not resolve yet is accepted (its DNS may come later); a host with
 * `{node}` in it is checked at each connection, as every host is.
 */
export async function requireReachableTemplate(
  delivery: Delivery,
  orgId: string,
  field: string,
  template: string | null | undefined,
): Promise<void> {
  if (!template || delivery.core.config.outboundAllowPrivate) return;
  const hostOf = (node: string) => {
    const url = expandTemplate(template, node);
    return URL.canParse(url) ? new URL(url).hostname.replace(/^\[|\]$/g, '') : undefined;
  };
  const host = hostOf('a');
  if (!host || host !== hostOf('b')) return;
  const lookup = guardedLookupAllowing(await allowedRangesOf(delivery.core.database.db, orgId));
  const refusal = await new Promise<unknown>((resolve) =>
    lookup(host, { all: true }, (error) => resolve(error)),
  );
  if (refusal instanceof OutboundRefused) throw templateRefused(field, refusal);
}

/** A template refused by the target guard, with how a private network may be allowed. */
export function templateRefused(field: string, refusal: OutboundRefused): Problem {
  const hint = /private address/.test(refusal.message)
    ? "; an operator may allow the organisation's private ranges (PUT /v1/admin/organisations/{id}/delivery-ranges)"
    : '';
  return new Problem('target-refused', `${field}: ${refusal.message}${hint}`);
}

/** The push and fetch templates given, checked as `requireReachableTemplate` does. */
export async function requireReachableTemplates(
  delivery: Delivery,
  orgId: string,
  given: { push_url_template?: string; fetch_url_template?: string | null },
): Promise<void> {
  await requireReachableTemplate(
    delivery,
    orgId,
    'body/push_url_template',
    given.push_url_template,
  );
  await requireReachableTemplate(
    delivery,
    orgId,
    'body/fetch_url_template',
    given.fetch_url_template,
  );
}
