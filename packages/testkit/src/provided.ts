/**
 * What the global setup hands to specs through vitest's `provide` / `inject`. Undefined when the service was
 * left out (`SHEGONG_TEST_SERVICES`) or the project has no testkit global setup.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…/postgres` of the run's one Postgres server. */
    'testkit:databaseUrl': string | undefined;
    /** `host:port` of the run's Kafka brokers. */
    'testkit:kafkaBrokers': string[] | undefined;
  }
}

export {};
