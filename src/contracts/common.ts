/** Shapes shared by every module's contract: errors, paging, ids. */
import Type, { type Static, type TObject, type TSchema } from 'typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED, FORBIDDEN' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error response has this shape' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
export const IdParams = Type.Object({ id: Uuid });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

/** Null first: with type coercion on, Ajv would otherwise turn null into "" through the string branch. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/** Keyset paging for long lists: the `nextCursor` of the page before (then `page` is not used). */
export const CursorQuery = {
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, pattern: '^[A-Za-z0-9_-]+$' })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), nextCursor: Type.Optional(Nullable(Type.String({ description: 'where the next page starts (lists that take a cursor); null on the last page' }))) });

export const Timestamp = Type.String({ format: 'date-time' });

/**
 * The years a `date` or `date-time` field may name (the server's formats check it): no year 0
 * (PostgreSQL has none) and nothing centuries away; a birth date, a pairing or a shift fits.
 */
export const DATE_MIN_YEAR = 1900;
export const DATE_MAX_YEAR = 2199;

/** The rows a bulk decision names (each once; at most 10,000). */
export const BulkIds = Type.Array(Uuid, { minItems: 1, maxItems: 10_000 });

/** Standard error responses every route documents. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
} as const;

/** A file answer (a spreadsheet, an image), documented as binary. */
export const Binary = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });

/** A plain-text answer (an iCalendar feed). */
export const Text = Type.Unsafe<string>({ type: 'string' });

/** A list's query plus the export button's `full` flag (refused: the exports hold masked data only). */
export const ExportQuery = <T extends TObject>(query: T) =>
  Type.Object({ ...query.properties, full: Type.Optional(Type.Boolean({ description: 'refused: these exports hold masked data only' })) }, { additionalProperties: false });
