/**
 * @shegong/sdk: talk to a Shegong Hub. City systems use the REST client (`createHubClient`, typed from
 * the gateway's OpenAPI document); front ends use the tRPC client (`createHubTrpcClient`, typed by the
 * gateway's `AppRouter`). `paths` and `components` are the generated OpenAPI types.
 */
export { type Credentials, createHubClient, type Problem } from './client.ts';
export type { components, operations, paths } from './openapi.ts';
export { type AppRouter, createHubTrpcClient } from './trpc.ts';
