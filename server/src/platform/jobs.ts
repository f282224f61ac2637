/**
 * Background jobs on pg-boss (10.x: Node 20, PostgreSQL and PGlite alike, through the app's own pool).
 * Changes queue jobs only after their transaction committed, each carrying the request id of the click
 * that caused it. Outbox subscribers (the provincial upload, data-quality reruns, duplicate checks) name
 * the events they want; the change pipeline queues one job per subscriber for the events of a commit.
 */
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { OutboxEvent } from './change.ts';

export interface JobData {
  requestId: string;
  [key: string]: unknown;
}
export type JobHandler = (data: JobData) => Promise<void>;

interface Subscriber {
  queue: string;
  wants(e: OutboxEvent): boolean;
}

export interface JobsOptions {
  /** Run the handlers in this process (the server does; the CLI and benchmarks need not). */
  work: boolean;
  /** pg-boss maintenance and cron (off in tests: nothing to expire in a minute-long database). */
  maintenance?: boolean;
}

export class Jobs {
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly subscribers: Subscriber[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: JobsOptions,
  ) {}

  /** Declares a queue and the handler that works its jobs. */
  define(queue: string, handler: JobHandler): void {
    if (this.handlers.has(queue)) throw new Error(`job queue ${queue} is defined twice`);
    if (this.boss || this.starting) throw new Error(`job queue ${queue} defined after the jobs started`);
    this.handlers.set(queue, handler);
  }

  /** A queue that receives, after each commit, the ids of the committed outbox events it wants. */
  subscribe(queue: string, wants: (e: OutboxEvent) => boolean, handler: JobHandler): void {
    this.define(queue, handler);
    this.subscribers.push({ queue, wants });
  }

  /** The jobs a commit of these events queues: one per subscriber that wants any of them. */
  jobsFor(events: readonly OutboxEvent[]): { queue: string; data: { events: number[] } }[] {
    return this.subscribers.flatMap((s) => {
      const ids = events.filter((e) => s.wants(e)).map((e) => e.id);
      return ids.length ? [{ queue: s.queue, data: { events: ids } }] : [];
    });
  }

  async send(queue: string, data: Record<string, unknown>, requestId: string): Promise<string | null> {
    const boss = await this.started();
    return boss.send(queue, { ...data, requestId });
  }

  /** Starts pg-boss (its schema on first use) and the workers; idempotent. */
  started(): Promise<PgBoss> {
    if (this.boss) return Promise.resolve(this.boss);
    this.starting ??= this.boot();
    return this.starting;
  }

  private async boot(): Promise<PgBoss> {
    const maintenance = this.options.maintenance ?? true;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      supervise: maintenance,
      schedule: maintenance,
    });
    boss.on('error', () => {
      /* reported by the job's own state; never crash the server */
    });
    await boss.start();
    for (const [queue, handler] of this.handlers) {
      await boss.createQueue(queue);
      if (this.options.work)
        await boss.work<JobData>(queue, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const j of jobs) await handler(j.data);
        });
    }
    this.boss = boss;
    return boss;
  }

  async stop(): Promise<void> {
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    this.boss = null;
    this.starting = null;
  }
}
