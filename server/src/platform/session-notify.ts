/**
 * Tells this process when another one revoked a session or changed an account (migration 0016's triggers
 * NOTIFY `jkda_sessions`), so that no process answers a revoked token from its few-seconds session cache.
 * Only on a PostgreSQL server: the embedded database belongs to one process, whose own changes already
 * clear its cache. While the listening connection is down the cache is not used at all (`connected`).
 */
import pg from 'pg';

export interface SessionNotifications {
  /** Whether the listener is connected (a cached session may only be trusted while it is). */
  connected(): boolean;
  stop(): Promise<void>;
}

export function listenForSessionChanges(
  config: pg.ClientConfig,
  onChange: () => void,
  onError: (err: unknown) => void,
): SessionNotifications {
  let client: pg.Client | null = null;
  let live = false;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client(config);
    client = c;
    const lost = (err?: unknown) => {
      if (client !== c) return;
      live = false;
      client = null;
      onChange(); // whatever was missed while down
      void c.end().catch(() => {});
      if (err) onError(err);
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', () => onChange());
    try {
      await c.connect();
      await c.query('LISTEN jkda_sessions');
      if (client === c) {
        live = true;
        onChange(); // changes made before the LISTEN took effect
      }
    } catch (e) {
      lost(e);
    }
  };
  void connect();
  return {
    connected: () => live,
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      live = false;
      if (c) await c.end().catch(() => {});
    },
  };
}
