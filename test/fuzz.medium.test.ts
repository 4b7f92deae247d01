// Bad input against every operation of the OpenAPI document: wrong types, missing fields, huge
// strings, deep nesting, unicode edge cases (lone surrogates), SQL and script fragments, numbers at
// the limits, dates in year 0 and far in the future; and hostile files (a decompression bomb, a
// million-row sheet, images over the pixel limit) to every operation that takes a file.
// No answer may be a 5xx, and every error must have the documented shape. A fixed seed in CI;
// FUZZ_RUNS and FUZZ_SEED run it longer on demand.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { jpegHeader, manyRowsXlsx, pngBomb, zipBombXlsx } from './support/hostile-files';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

const nasty = fc.oneof(
  fc.constantFrom(
    "' or 1=1 --",
    '"; drop table member; --',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x","y")',
    '../../etc/passwd',
    '\u0000',
    '\uD800',
    'ab\ud800cd',
    '\udc00x',
    '0000-01-01',
    '9999-12-31',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-12:00',
    '+275760-09-13T00:00:00Z',
    '𠮷野家',
    '‮evil',
    '%00%27',
    '${7*7}',
    '1e309',
    '-0',
    'NaN',
    'null',
    '00000000-0000-0000-0000-000000000000',
    '2026-02-30',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, -1, 0, 1.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Values a valid-looking field may still hold: dates PostgreSQL has no year for or centuries away, lone surrogates. */
const ODD_VALUES = ['0000-01-01', '9999-12-31', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59-12:00', 'ab\ud800cd', '\udc00'];

/** A deeply nested object, to test that depth does not break the parser or the validator. */
const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  bodyProps: string[];
  /** Query parameters that are dates or date-times. */
  dateQuery: string[];
  /** The content types of a body that is a file itself (not JSON). */
  fileTypes: string[];
}

function operations(doc: { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema?: { format?: string; type?: string } }>; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const ps = op.parameters ?? [];
      const schema = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: method.toUpperCase(),
        path,
        params: ps.filter((p) => p.in === 'path').map((p) => p.name),
        query: ps.filter((p) => p.in === 'query').map((p) => p.name),
        dateQuery: ps.filter((p) => p.in === 'query' && (p.schema?.format === 'date' || p.schema?.format === 'date-time')).map((p) => p.name),
        bodyProps: Object.keys(schema?.properties ?? {}),
        // A body that is the file itself has no schema, so the document may not list it: the spreadsheet import is named here.
        fileTypes: Object.keys(op.requestBody?.content ?? {}).filter((type) => type !== 'application/json').concat(method === 'post' && /\/imports\/\{kind\}$/.test(path) ? [XLSX_MIME] : []),
      });
    }
  }
  return out;
}

/** encodeURIComponent, but a lone surrogate goes out as its raw UTF-8 bytes (what a broken client sends). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

function url(op: Operation, params: Record<string, string>, query: Record<string, unknown>): string {
  let p = op.path;
  for (const name of op.params) p = p.replace(`{${name}}`, enc(params[name] ?? 'x'));
  const qs = Object.entries(query)
    .map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`)
    .join('&');
  return qs ? `${p}?${qs}` : p;
}

describeStores('bad input on every operation', (store) => {
  let t: TestApp;
  let admin: Client;
  let ops: Operation[];
  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 100_000 });
    admin = await t.login(TEST_ADMIN.account);
    // The live stream never ends by design (its refusals and bad input are in notifications.medium.test.ts).
    const skipped = (path: string) => path.includes('/auth/logout') || path.startsWith('/api/v1/docs') || path.endsWith('/notifications/stream');
    ops = operations(t.app.swagger() as never).filter((o) => !skipped(o.path));
  });
  afterAll(async () => t?.close());

  it('covers the API', () => {
    expect(ops.length).toBeGreaterThan(60);
  });

  it('never answers 5xx, and errors have the documented shape', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10_000 }),
        fc.dictionary(fc.constantFrom('id', 'kind', 'cardNo'), nasty),
        fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 4 }),
        fc.oneof(anyValue, fc.constant(deep(200)), fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 6 })),
        async (pick, params, extraQuery, randomBody) => {
          const op = ops[pick % ops.length]!;
          // Known names with wrong values, plus unknown names.
          const query: Record<string, unknown> = { ...extraQuery };
          const odd = ODD_VALUES[pick % ODD_VALUES.length]!;
          for (const q of op.query) if (pick % 2 === 0) query[q] = extraQuery[q] ?? (pick % 4 === 0 ? odd : "' or 1=1 --");
          let body: unknown = randomBody;
          if (op.bodyProps.length && pick % 3 === 0) body = Object.fromEntries(op.bodyProps.map((k, i) => [k, i % 2 ? 12345 : '<script>'])); // wrong types for known fields
          if (op.bodyProps.length && pick % 3 === 1) body = Object.fromEntries(op.bodyProps.map((k) => [k, odd])); // odd dates and text in every known field
          const res = await admin.request(op.method, url(op, params, query), op.method === 'GET' || op.method === 'DELETE' ? undefined : body);
          if (res.statusCode >= 500) failures.push(`${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          const type = String(res.headers['content-type'] ?? '');
          if (res.statusCode >= 400 && type.includes('json')) {
            const json = res.json();
            if (typeof json?.error?.code !== 'string' || typeof json?.error?.message !== 'string') failures.push(`${op.method} ${op.path} → ${res.statusCode} without the error shape: ${res.body.slice(0, 200)}`);
          }
        },
      ),
      { numRuns: RUNS * ops.length, seed: SEED },
    );
    expect(failures).toEqual([]);
  });

  it('answers a body nested 10,000 deep and a 2 MB string without a 5xx', async () => {
    let nested = '"x"';
    for (let i = 0; i < 10_000; i++) nested = `{"a":${nested}}`;
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: nested });
    expect(a.statusCode).toBeLessThan(500);
    const b = await admin.request('POST', '/api/v1/members', { name: 'x'.repeat(2_000_000) });
    expect(b.statusCode).toBe(413);
  });

  it('refuses hostile files with a 4xx on every operation that takes a file, and stores nothing', async () => {
    const files: Array<[string, Buffer]> = [
      ['zip bomb', zipBombXlsx(400)],
      ['1,000,000 rows', manyRowsXlsx(1_000_000)],
      ['PNG of 20000×20000', pngBomb(20_000, 20_000)],
      ['JPEG of 20000×20000', jpegHeader(20_000, 20_000)],
    ];
    const raw = ops.filter((o) => o.fileTypes.length > 0);
    const base64 = ops.filter((o) => o.bodyProps.includes('contentBase64'));
    expect(raw.length + base64.length, 'operations that take a file').toBeGreaterThanOrEqual(2);
    const uploadsBefore = (await t.database.db.selectFrom('upload').select('id').execute()).length;
    const importsBefore = (await t.database.db.selectFrom('import_batch').select('id').execute()).length;
    const failures: string[] = [];
    for (const [name, file] of files) {
      for (const op of raw) {
        const path = op.path.replace(/\{[^}]+\}/g, op.path.includes('imports') ? 'members' : 'x');
        const res = await admin.request(op.method, path, file, { 'content-type': op.fileTypes[0]! });
        if (res.statusCode < 400 || res.statusCode >= 500 || typeof res.json()?.error?.code !== 'string') failures.push(`${name}: ${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      for (const op of base64) {
        const res = await admin.request(op.method, op.path, { fileName: `${name}.png`, contentBase64: file.toString('base64') });
        if (res.statusCode < 400 || res.statusCode >= 500 || typeof res.json()?.error?.code !== 'string') failures.push(`${name}: ${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await t.database.db.selectFrom('upload').select('id').execute()).length).toBe(uploadsBefore);
    expect((await t.database.db.selectFrom('import_batch').select('id').execute()).length).toBe(importsBefore);
  });

  // Deterministic, unlike the random runs above: an optional filter alone reaches the SQL, so
  // every date or date-time filter gets year 0 and a far-future year (a 500 from PostgreSQL before).
  it('answers year-0 and far-future dates in every date filter with 400 naming the filter', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops.filter((o) => o.method === 'GET' && o.params.length === 0)) {
      for (const q of op.dateQuery) {
        for (const v of ['0000-01-01', '9999-12-31', '0000-01-01T00:00:00Z']) {
          sent++;
          const res = await admin.get(`${op.path}?${q}=${encodeURIComponent(v)}`);
          const paths = res.statusCode === 400 ? ((res.json().error.details ?? []) as Array<{ path: string }>).map((d) => d.path) : [];
          if (!paths.includes(`querystring/${q}`)) failures.push(`${op.path}?${q}=${v} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(sent, 'date filters in the API').toBeGreaterThan(5);
    expect(failures).toEqual([]);
  });
});
