/**
 * Turns the OpenAPI document into scan targets: one per operation that takes parameters (path,
 * query or a JSON body), with example values that pass validation, so that a scanner's payloads
 * reach the handler and its SQL rather than stopping at the schema. Identifiers are taken from the
 * demo data (a real community, member, pairing…) so that the handlers find their rows.
 */

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

export interface ScanTarget {
  /** e.g. "PATCH /api/v1/members/{id}" */
  route: string;
  method: string;
  /** The URL with example values. */
  url: string;
  /** The same URL with sqlmap's custom injection marker (*) after each path parameter, or null. */
  markedUrl: string | null;
  /** The JSON body, if the operation takes one. */
  body: string | null;
  /** The parameters the scanner will test. */
  parameters: string[];
}

/** Real identifiers from the demo data, by the kind of thing a parameter names. */
export type KnownIds = Partial<Record<string, string>>;

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

/** Which known id a property or path parameter most likely names. */
function idKindFor(name: string, path: string): string | null {
  const n = name.toLowerCase();
  if (n === 'id') {
    // …/<collection>/{id}/…: the collection names the kind.
    const m = /\/([a-z-]+)\/\{id\}/.exec(path);
    return m ? m[1]! : null;
  }
  const table: Array<[RegExp, string]> = [
    [/^(community|communities|residenceregion)id$/, 'community'],
    [/^(unitorg|employerorg|organization|parent?org)id$/, 'organizations'],
    [/^(region|parent|grid|building)id$/, 'regions'],
    [/^memberid$/, 'members'],
    [/^householdid$/, 'households'],
    [/^pairingid$/, 'pairings'],
    [/^cycleid$/, 'registration-cycles'],
    [/^userid$/, 'users'],
    [/^teamid$/, 'volunteer-teams'],
    [/^agreementid$/, 'agreements'],
    [/^scopeid$/, 'regions'],
    [/^activityid$/, 'activities'],
  ];
  for (const [re, kind] of table) if (re.test(n)) return kind;
  return null;
}

/** A value that the schema accepts (best effort: enums, formats, lengths, a few known patterns). */
export function exampleValue(schema: JsonSchema, name: string, path: string, known: KnownIds): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) {
    const nonNull = alternatives.find((s) => s.type !== 'null') ?? alternatives[0]!;
    return exampleValue(nonNull, name, path, known);
  }
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((s) => exampleValue(s, name, path, known) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
    case undefined: {
      if (!schema.properties) return type === 'object' ? {} : 'x';
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties)) out[k] = exampleValue(s, k, path, known);
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: n }, () => exampleValue(schema.items ?? {}, name, path, known));
    }
    case 'integer':
    case 'number': {
      if (schema.default !== undefined) return schema.default;
      const lo = schema.minimum ?? 1;
      return Math.min(Math.max(lo, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'string':
      return exampleString(schema, name, path, known);
    default:
      return 'x';
  }
}

function exampleString(schema: JsonSchema, name: string, path: string, known: KnownIds): string | null {
  const n = name.toLowerCase();
  if (schema.format === 'uuid') {
    // A grid or building must be of that kind: leave the optional ones empty rather than guess.
    if (schema.nullable && (n === 'gridid' || n === 'buildingid')) return null;
    const kind = idKindFor(name, path);
    return (kind && known[kind]) || SAMPLE_UUID;
  }
  if (schema.format === 'date') return '2026-11-22';
  if (schema.format === 'date-time') return '2026-11-22T08:00:00.000Z';
  if (schema.format === 'email') return 'scan@example.org';
  if (schema.pattern === '^[+0-9 -]+$' || n.endsWith('phone')) return '13800138000';
  if (n.includes('idnumber')) return known.idNumber ?? '110101199003071234';
  if (n === 'password' || n.endsWith('password')) return 'Scan-Pass-Phrase-2026';
  if (n === 'account') return 'scan.account';
  if (schema.pattern) {
    if (schema.pattern.includes('A-Z0-9-')) return 'GJ2026-000001';
    if (/\[A-Za-z0-9_\.@-\]|A-Za-z0-9/.test(schema.pattern)) return 'scan_value';
    if (/^\^\[0-9\]/.test(schema.pattern)) return '1'.repeat(Math.max(1, schema.minLength ?? 1));
  }
  const base = '扫描scan';
  const min = schema.minLength ?? 1;
  let s = base;
  while (s.length < min) s += 'x';
  return schema.maxLength ? s.slice(0, Math.max(min, Math.min(s.length, schema.maxLength))) : s;
}

export function targetsFrom(doc: OpenApiDocument, origin: string, known: KnownIds): ScanTarget[] {
  const targets: ScanTarget[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const names: string[] = [];
      let urlPath = path;
      let markedPath = path;
      for (const p of params.filter((x) => x.in === 'path')) {
        const v = encodeURIComponent(String(exampleValue(p.schema, p.name, path, known)));
        urlPath = urlPath.replace(`{${p.name}}`, v);
        markedPath = markedPath.replace(`{${p.name}}`, `${v}*`);
        names.push(`path:${p.name}`);
      }
      const query = new URLSearchParams();
      for (const p of params.filter((x) => x.in === 'query')) {
        query.set(p.name, String(exampleValue(p.schema, p.name, path, known)));
        names.push(`query:${p.name}`);
      }
      const json = op.requestBody?.content?.['application/json']?.schema;
      let body: string | null = null;
      if (json) {
        const value = exampleValue(json, '', path, known);
        body = JSON.stringify(value);
        if (value && typeof value === 'object' && !Array.isArray(value)) names.push(...Object.keys(value).map((k) => `body:${k}`));
        else names.push('body');
      }
      if (names.length === 0) continue;
      const qs = query.toString();
      const suffix = qs ? `?${qs}` : '';
      targets.push({
        route: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        url: `${origin}${urlPath}${suffix}`,
        markedUrl: markedPath === path ? null : `${origin}${markedPath}${suffix}`,
        body,
        parameters: names,
      });
    }
  }
  return targets;
}
