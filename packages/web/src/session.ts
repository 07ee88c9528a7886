/**
 * The signed-in session, kept in sessionStorage: it ends with the browser tab, and a token never lands in
 * localStorage where other tabs and later visits would find it.
 */
export interface Session {
  token: string;
  expiresAt: string;
  username: string;
  principal: {
    kind: string;
    role: string;
    regionCode: string;
    /** `pii`: may reveal ID numbers; `crossProvince`: the other provinces it may read (the ministry's view). */
    grants?: { pii?: boolean; crossProvince?: readonly string[] };
  };
}

const SESSION_KEY = 'shegong.session';

export function readSession(): Session | null {
  const raw = globalThis.sessionStorage?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function writeSession(session: Session | null): void {
  if (session) globalThis.sessionStorage?.setItem(SESSION_KEY, JSON.stringify(session));
  else globalThis.sessionStorage?.removeItem(SESSION_KEY);
}
