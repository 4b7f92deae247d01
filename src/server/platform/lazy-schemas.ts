/**
 * Lazy schema compilers. Fastify compiles every route's validator (Ajv) and response serializer
 * (fast-json-stringify) before it listens: with a few hundred routes that is most of the start-up
 * time after opening the database (about 0.4 s of CPU on the bench machine, see docs/benchmarks.md).
 * These factories wrap Fastify's own compilers so that each schema is compiled the first time a
 * request needs it, and `warmSchemas()` compiles whatever is left in small slices once the server
 * listens. The compiled functions are the ones Fastify would have built; only the moment changes.
 * With `eager` every schema compiles at registration as Fastify does (buildApp's default, so the
 * tests see a broken schema fail at start; startServer asks for lazy ones).
 */
import { createRequire } from 'node:module';

// Fastify's own compilers, resolved from Fastify itself so that they are the versions it would use.
const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
const AjvCompiler = fastifyRequire('@fastify/ajv-compiler') as () => unknown;
const { SerializerSelector } = fastifyRequire('@fastify/fast-json-stringify-compiler') as { SerializerSelector: () => unknown };

type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type Serialize = (data: unknown) => string;
type CompileValidator = (route: object) => Validate;
type CompileSerializer = (route: object) => Serialize;

export interface LazySchemas {
  compilersFactory: {
    buildValidator: (externalSchemas: unknown, options: unknown) => CompileValidator;
    buildSerializer: (externalSchemas: unknown, options: unknown) => CompileSerializer;
  };
  /** Compiles the schemas not compiled yet, yielding to requests between slices; resolves when done. */
  warm(): Promise<number>;
  /** How many schemas wait to be compiled. */
  pending(): number;
  /** Stops a warm() in progress (the app is closing). */
  stop(): void;
}

export function lazySchemas(options: { eager?: boolean } = {}): LazySchemas {
  const buildValidator = AjvCompiler() as unknown as (externalSchemas: unknown, options: unknown) => CompileValidator;
  const buildSerializer = SerializerSelector() as unknown as (externalSchemas: unknown, options: unknown) => CompileSerializer;
  const waiting = new Set<() => void>();
  let stopped = false;

  function lazyValidator(compile: CompileValidator, route: object): Validate {
    let real: Validate | null = null;
    const force = () => {
      if (!real) {
        waiting.delete(force);
        real = compile(route);
      }
      return real;
    };
    // Fastify reads `errors` from the function it called after a failed validation.
    const validate: Validate = (data) => {
      const fn = force();
      const result = fn(data);
      validate.errors = fn.errors;
      return result;
    };
    waiting.add(force);
    return validate;
  }

  function lazySerializer(compile: CompileSerializer, route: object): Serialize {
    let real: Serialize | null = null;
    const force = () => {
      if (!real) {
        waiting.delete(force);
        real = compile(route);
      }
      return real;
    };
    waiting.add(force);
    return (data) => force()(data);
  }

  return {
    compilersFactory: {
      buildValidator(externalSchemas, opts) {
        const compile = buildValidator(externalSchemas, opts);
        return options.eager ? compile : (route) => lazyValidator(compile, route);
      },
      buildSerializer(externalSchemas, opts) {
        const build = buildSerializer(externalSchemas, opts);
        // The error responses share one schema object across every route: compile each schema object once.
        const compiled = new WeakMap<object, Serialize>();
        const compile: CompileSerializer = (route) => {
          const schema = (route as { schema?: unknown }).schema;
          if (typeof schema !== 'object' || schema === null) return build(route);
          let fn = compiled.get(schema);
          if (!fn) compiled.set(schema, (fn = build(route)));
          return fn;
        };
        return options.eager ? compile : (route) => lazySerializer(compile, route);
      },
    },
    async warm() {
      let n = 0;
      stopped = false;
      while (waiting.size > 0 && !stopped) {
        const started = performance.now();
        // Slices of about 10 ms, so that requests arriving meanwhile wait little.
        for (const force of waiting) {
          force();
          n += 1;
          if (performance.now() - started > 10) break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      return n;
    },
    pending: () => waiting.size,
    stop: () => {
      stopped = true;
    },
  };
}
