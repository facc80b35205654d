import { Ajv, type Options as AjvOptions, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { headerNamePattern, headerValuePattern } from '../outbound/header-syntax.ts';
import { Problem } from '../problems.ts';
import { findTextFault } from './text.ts';

/** One faulty field of a request, as `validation-failed` lists them. */
export interface FieldError {
  /** The request part and a JSON pointer into it: `body/action/timeout_ms`. */
  field: string;
  message: string;
}

/** A `validation-failed` problem listing `errors`; its detail repeats them on one line. */
export function validationProblem(errors: FieldError[]): Problem {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new Problem('validation-failed', detail, { errors });
}

/** The Ajv keyword of `Name()` (schemas.ts): trims the string in place and refuses what is not a name. */
export const nameKeyword = 'x-meridian-name';

// C0 and C1 controls and DEL (\p{Cc}: tab and newline among them, a name is one line), the line and
// paragraph separators, and the bidirectional formatting characters that can make a name display
// as something else (U+202E turns "exe.txt" around).
export const notInNames = /[\p{Cc}\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;

function validateName(
  this: unknown,
  _enabled: unknown,
  data: string,
  _parent: unknown,
  context?: { parentData?: unknown; parentDataProperty?: string | number },
): boolean {
  const trimmed = data.trim();
  const refused = notInNames.exec(trimmed);
  const message =
    trimmed.length === 0
      ? 'must not be blank'
      : refused
        ? `must not contain control or bidirectional formatting characters (found U+${codePoint(refused[0])})`
        : undefined;
  if (message) {
    validateName.errors = [{ keyword: nameKeyword, message, params: {} }];
    return false;
  }
  if (trimmed !== data && context?.parentData && context.parentDataProperty !== undefined) {
    (context.parentData as Record<string | number, unknown>)[context.parentDataProperty] = trimmed;
  }
  return true;
}
validateName.errors = [] as Partial<ErrorObject>[];

/** A character as `U+XXXX` writes it (without the `U+`). */
export function codePoint(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

const common: AjvOptions = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  strict: false,
  verbose: true,
};

function withKeywords(ajv: Ajv): Ajv {
  addFormats.default(ajv);
  ajv.addKeyword({
    keyword: nameKeyword,
    type: 'string',
    modifying: true,
    errors: true,
    validate: validateName,
  });
  return ajv;
}

const bodies = withKeywords(new Ajv({ ...common, coerceTypes: false }));
const text = withKeywords(new Ajv({ ...common, coerceTypes: 'array' }));

/**
 * Bodies are validated strictly (no type coercion, unknown fields refused); query strings, path
 * parameters and headers arrive as text, so there numbers and booleans are coerced. Query strings
 * and path parameters with a `%00` are refused before the schema (bodies are checked by
 * `parseJsonBody`). `verbose` keeps each failing schema and value in the errors, which
 * `describeValidation` needs to tell the branches of a union apart.
 */
export function validatorCompiler() {
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) => {
    if (httpPart === 'body') return bodies.compile(schema);
    const validate = text.compile(schema);
    return httpPart === 'querystring' || httpPart === 'params' ? refusingNul(validate) : validate;
  };
}

/**
 * A validator for a JSON body checked outside a route's schema (a merge patch's result), with
 * exactly the rules and keywords of request bodies.
 */
export function compileBodyValidator<T>(schema: object): ValidateFunction<T> {
  return bodies.compile<T>(schema);
}

/** Runs `validate` after refusing any string (or key) in the data that cannot be stored. */
function refusingNul(validate: ValidateFunction): ValidateFunction {
  const check = ((data: unknown, context?: never) => {
    const fault = findTextFault(data);
    if (fault) {
      check.errors = [
        {
          instancePath: fault.pointer,
          schemaPath: '#',
          keyword: 'text',
          params: {},
          message: fault.message,
        },
      ];
      return false;
    }
    const valid = validate(data, context);
    check.errors = validate.errors;
    return valid;
  }) as ValidateFunction;
  // Fastify passes the parent (so Ajv may coerce the root) only to a function with a schemaEnv.
  check.schemaEnv = validate.schemaEnv;
  check.schema = validate.schema;
  return check;
}

type Issue = Pick<
  ErrorObject,
  'instancePath' | 'schemaPath' | 'keyword' | 'params' | 'message' | 'propertyName'
> & {
  schema?: unknown;
  data?: unknown;
};

/**
 * Ajv's errors as one message per faulty field, named by a JSON pointer prefixed with the request
 * part. A union (`anyOf`) reports every branch's errors and then "must match a schema in anyOf";
 * this keeps what the client meant instead:
 *
 * - a branch whose `const` property (a discriminator such as `type`) differs from the value's is
 *   not the branch meant, nor is one whose type differs when another's matches;
 * - a union of constants (TypeBox literals) becomes "must be one of: all, latest, skip";
 * - the summary goes whenever a more specific message remains.
 */
export function describeValidation(issues: Issue[], part = ''): FieldError[] {
  let remaining = [...issues];
  // Innermost unions first: their replacement then stands as one issue of the outer branch.
  const unions = remaining
    .filter((issue) => issue.keyword === 'anyOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    const inside = `${union.schemaPath}/`;
    const at = remaining.indexOf(union);
    if (at === -1) continue;
    const members = remaining.filter((issue) => issue.schemaPath.startsWith(inside));
    const replacement = resolveUnion(union, members);
    remaining = remaining.filter((issue) => issue !== union && !members.includes(issue));
    remaining.splice(Math.min(at, remaining.length), 0, ...replacement);
  }
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of remaining) {
    const error = { field: `${part}${fieldPath(issue)}`, message: describeIssue(issue) };
    const key = `${error.field}\n${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors;
}

function resolveUnion(union: Issue, members: Issue[]): Issue[] {
  const branches = Array.isArray(union.schema) ? (union.schema as Record<string, unknown>[]) : [];
  const ofBranch = (i: number) =>
    members.filter((issue) => issue.schemaPath.startsWith(`${union.schemaPath}/${i}/`));
  const all = branches.map((_, i) => i);
  const mismatched = all.map((i) => mismatchedConstants(branches[i], union.data));
  let meant = all.filter((i) => mismatched[i]?.length === 0);

  if (meant.length === 0 && all.length > 0) {
    // No branch has the discriminator given: say which values it may take.
    const common = (mismatched[0] ?? []).filter((key) => mismatched.every((m) => m?.includes(key)));
    const key = common[0];
    if (key === undefined) {
      meant = all;
    } else {
      const allowed = branches.map((branch) => constantOf(branch, key));
      return [
        {
          ...union,
          keyword: 'oneOfValues',
          instancePath: `${union.instancePath}/${escapePointer(key)}`,
          params: { allowedValues: allowed },
        },
      ];
    }
  }
  // A branch that fails only on the value's type loses to one that accepts the type.
  const typeOnly = (i: number) => {
    const own = ofBranch(i);
    return (
      own.length === 1 && own[0]?.keyword === 'type' && own[0].instancePath === union.instancePath
    );
  };
  const typed = meant.filter((i) => !typeOnly(i));
  if (typed.length > 0) meant = typed;

  const chosen = meant.map(ofBranch);
  const values = chosen.every(
    (own) =>
      own.length === 1 && own[0]?.instancePath === union.instancePath && isValueIssue(own[0]),
  );
  if (meant.length > 1 && values) {
    const allowedValues = chosen.flatMap((own) => allowedOf(own[0] as Issue));
    return [{ ...union, keyword: 'oneOfValues', params: { allowedValues } }];
  }
  // Otherwise the branch the value got furthest into (Ajv stops each branch at its first error).
  const depth = (own: Issue[]) => Math.max(-1, ...own.map((i) => i.instancePath.length));
  const best = chosen.reduce<Issue[] | undefined>(
    (winner, own) => (winner === undefined || depth(own) > depth(winner) ? own : winner),
    undefined,
  );
  return best && best.length > 0 ? best : [union];
}

/** The `const` properties of an object branch that the value has with another value. */
function mismatchedConstants(branch: Record<string, unknown> | undefined, data: unknown): string[] {
  const properties = branch?.properties as Record<string, { const?: unknown }> | undefined;
  if (!properties || typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.keys(properties).filter(
    (key) =>
      properties[key]?.const !== undefined &&
      Object.hasOwn(data, key) &&
      (data as Record<string, unknown>)[key] !== properties[key]?.const,
  );
}

function constantOf(branch: Record<string, unknown> | undefined, key: string): unknown {
  const properties = branch?.properties as Record<string, { const?: unknown }> | undefined;
  return properties?.[key]?.const;
}

function isValueIssue(issue: Issue): boolean {
  return ['const', 'enum', 'type', 'oneOfValues'].includes(issue.keyword);
}

function allowedOf(issue: Issue): unknown[] {
  switch (issue.keyword) {
    case 'const':
      return [issue.params.allowedValue];
    case 'enum':
    case 'oneOfValues':
      return issue.params.allowedValues as unknown[];
    default:
      return String(issue.params.type)
        .split(',')
        .map((type) => new TypeName(type));
  }
}

/** A union branch that takes any value of a type, among the values a union allows. */
class TypeName {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof TypeName) return value.name;
  return JSON.stringify(value);
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * A JSON pointer to the failing field: a missing or unknown property, or one whose name is
 * refused (`propertyNames`), is named, not its parent.
 */
function fieldPath(issue: Issue): string {
  const property =
    issue.params?.missingProperty ??
    issue.params?.additionalProperty ??
    issue.params?.propertyName ??
    issue.propertyName;
  if (typeof property !== 'string') return issue.instancePath;
  return `${issue.instancePath}/${escapePointer(property)}`;
}

/** Patterns whose failure reads better in words than as the regular expression. */
const patternWords = new Map([
  [headerNamePattern, "must be an HTTP token (letters, digits and !#$%&'*+-.^_`|~)"],
  [
    headerValuePattern,
    'must be visible ASCII, with spaces and tabs only between characters (no CR, LF, NUL or non-ASCII)',
  ],
]);

function describeIssue(issue: Issue): string {
  const extra = issue.params?.additionalProperty;
  if (extra) return `unknown field "${String(extra)}"`;
  switch (issue.keyword) {
    case 'pattern': {
      const words = patternWords.get(issue.params.pattern as string);
      if (!words) return issue.message ?? 'is invalid';
      return issue.propertyName === undefined ? words : `the name ${words}`;
    }
    case 'const':
      return `must be ${showValue(issue.params.allowedValue)}`;
    case 'enum':
    case 'oneOfValues': {
      const values = issue.params.allowedValues as unknown[];
      const allowed = values.map(showValue);
      if (values.every((value) => value instanceof TypeName))
        return `must be ${allowed.join(' or ')}`;
      return allowed.length === 1
        ? `must be ${allowed[0]}`
        : `must be one of: ${allowed.join(', ')}`;
    }
    default:
      return issue.message ?? 'is invalid';
  }
}
