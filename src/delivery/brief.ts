import type { Db } from '../platform/db/database.ts';
import type { FieldError } from '../platform/http/validation.ts';
import { validationProblem } from '../platform/http/validation.ts';
import { isUuid } from '../platform/ids.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { serviceFor } from './access.ts';
import { operationTables } from './store/operation-tables.ts';
import type { ServiceRow } from './store/tables.ts';

// How the brief's calls name things (docs/delivery.md, "The brief's API"). `serviceName_id` is
// the service's id, or its name in the organisation the call acts on: the one named (`org_id`
// or the `Meridian-Organisation` header), else the caller's only organisation.

/** The fields of a brief call: its query, then its body over it. Required ones are checked. */
export function briefFields<T extends object>(
  query: T,
  body: T | null | undefined,
  required: (keyof T & string)[],
): T {
  const fields = { ...query, ...(body ?? {}) } as T;
  const errors: FieldError[] = required
    .filter((name) => (fields as Record<string, unknown>)[name] === undefined)
    .map((name) => ({ field: `body/${name}`, message: 'is required (in the body or the query)' }));
  if (errors.length > 0) throw validationProblem(errors);
  return fields;
}

/** The service `ref` names, for a caller who may read it (`change`: change it). */
export async function briefService(
  core: Core,
  db: Db,
  call: { userId: string; ref: string | undefined; orgId: string | undefined },
  change = false,
): Promise<ServiceRow> {
  const ref = call.ref;
  if (!ref) throw validationProblem([{ field: 'body/serviceName_id', message: 'is required' }]);
  if (isUuid(ref)) return serviceFor(core, db, ref, call.userId, change);
  const orgId = await core.identity.organisationOf(call.userId, call.orgId);
  const found = await operationTables(db)
    .selectFrom('delivery_services')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', ref.toLowerCase()))
    .executeTakeFirst();
  if (!found) throw new Problem('not-found', `No delivery service named ${ref}`);
  return serviceFor(core, db, found.id, call.userId, change);
}
