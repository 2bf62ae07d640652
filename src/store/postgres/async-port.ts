/**
 * A port with every method returning a promise: the shape the engine-neutral ports take
 * (until they land in `src/core/ports`, the PostgreSQL adapters are typed against this).
 */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};
