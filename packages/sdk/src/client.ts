import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi.ts';

/** How a city system or a person authenticates: an API key (`sgk_…`) or a bearer token from `auth.signIn`. */
export type Credentials = { apiKey: string } | { token: string };

/**
 * A typed client of the hub's REST API (`/api/v1`), built on openapi-fetch: paths, parameters, bodies and
 * answers are checked against the OpenAPI document at compile time. Errors come back as problem+json in
 * `error` (the `Problem` schema), never as thrown exceptions.
 * @example
 * const hub = createHubClient({ baseUrl: 'http://127.0.0.1:4100', apiKey: process.env.HUB_KEY });
 * const { data, error } = await hub.GET('/regions/{code}/summary', {
 *   params: { path: { code: '410100' }, query: { period: '2026-10' } },
 * });
 */
export function createHubClient(
  options: { baseUrl: string; fetch?: typeof fetch } & Credentials,
): Client<paths> {
  const client = createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/+$/, '')}/api/v1`,
    ...(options.fetch && { fetch: options.fetch }),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      if ('apiKey' in options) request.headers.set('x-api-key', options.apiKey);
      else request.headers.set('authorization', `Bearer ${options.token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** An error answer of the REST API (RFC 9457 problem details). */
export type Problem = components['schemas']['Problem'];
