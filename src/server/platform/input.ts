/**
 * Odd input refused in one place, before a route sees it:
 * - dates and date-times outside the years PostgreSQL and the domain can hold (`0000-01-01`,
 *   `9999-12-31T…`) fail the `date` / `date-time` formats, so the client gets a 400 naming the
 *   field instead of a 500 from the database (22008);
 * - text with an unpaired UTF-16 surrogate (`"ab\ud800cd"`, valid JSON, not valid Unicode) in the
 *   body, the query or the URL parameters gets 400 INVALID_CHARACTERS naming the field, instead of
 *   a 500 when the audit row's JSON is written (22P02).
 */
import type { FastifyInstance } from 'fastify';
import { DATE_MAX_YEAR, DATE_MIN_YEAR } from '../../contracts/common';
import { AppError } from './errors';

type FormatValidate = (value: string) => boolean;
type FormatDefinition = FormatValidate | RegExp | { validate: FormatValidate | RegExp; compare?: unknown; async?: boolean };

interface AjvLike {
  formats: Record<string, FormatDefinition | undefined>;
  addFormat(name: string, format: FormatDefinition): unknown;
}

const yearInRange = (value: string) => {
  const m = /^(\d{4})-/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR;
};

function asFunction(def: FormatDefinition | RegExp | FormatValidate): FormatValidate {
  if (typeof def === 'function') return def;
  if (def instanceof RegExp) return (value) => def.test(value);
  return asFunction(def.validate);
}

/**
 * An Ajv plugin (after ajv-formats): `date` and `date-time` keep their checks and also need a year
 * in DATE_MIN_YEAR..DATE_MAX_YEAR.
 */
export function boundedDateFormats(ajv: AjvLike): AjvLike {
  for (const name of ['date', 'date-time']) {
    const original = ajv.formats[name];
    if (!original) continue;
    const check = asFunction(original);
    const compare = typeof original === 'object' && !(original instanceof RegExp) ? original.compare : undefined;
    const validate: FormatValidate = (value) => check(value) && yearInRange(value);
    ajv.addFormat(name, (compare ? { validate, compare } : validate) as FormatDefinition);
  }
  return ajv;
}

const LONE_SURROGATE = /\p{Cs}/u;

/** The path of the first string (or key) holding an unpaired surrogate, or null. Iterative: bodies may nest deep. */
export function findIllFormedText(value: unknown, root: string): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return at;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${at}/${i}`]));
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (LONE_SURROGATE.test(k)) return `${at}/${k.replace(/\p{Cs}/gu, '\ufffd')}`;
        stack.push([item, `${at}/${k}`]);
      }
    }
  }
  return null;
}

/** Refuses text that is not well-formed Unicode in the params, the query and the body, before validation. */
export function registerInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where =
      findIllFormedText(request.params, 'params') ?? findIllFormedText(request.query, 'querystring') ?? findIllFormedText(request.body, 'body');
    if (where) {
      throw new AppError('INVALID_CHARACTERS', 400, 'The request contains text that is not valid Unicode (an unpaired surrogate)', [
        { path: where, message: 'is not well-formed Unicode' },
      ]);
    }
  });
}
