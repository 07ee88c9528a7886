/**
 * A failure a caller can act on: a stable machine-readable `code`, a message a person can read, and the
 * `path` of the offending field when there is one (e.g. `['items', 3, 'canonical']`).
 *
 * Every package throws subclasses of this; the CLI maps them to exit code 2 and the HTTP layer to
 * `application/problem+json` with status 400/404/422.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly path: ReadonlyArray<string | number>;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options: {
      path?: ReadonlyArray<string | number>;
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.path = options.path ?? [];
    this.details = options.details ?? {};
  }

  toJSON(): {
    code: string;
    message: string;
    path: ReadonlyArray<string | number>;
    details: Record<string, unknown>;
  } {
    return { code: this.code, message: this.message, path: this.path, details: { ...this.details } };
  }
}

/** Formats a field path the way people read it: `items[3].canonical`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
