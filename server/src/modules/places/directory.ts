/**
 * Names of areas, institutions and staff, cached in memory (they change rarely and are few: a county has
 * about a thousand areas, 600 institutions, 2,000 staff). Saves the joins that would otherwise cost more
 * to plan than to run on every record read. Entries refresh every minute; a missing id is looked up.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';

const TTL_MS = 60_000;

export class Directory {
  private areas = new Map<string, string>();
  private institutions = new Map<number, string>();
  private users = new Map<number, string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  private async refresh(): Promise<void> {
    if (Date.now() - this.loadedAt < TTL_MS) return;
    this.loading ??= (async () => {
      const [areas, institutions, users] = await Promise.all([
        this.db
          .selectFrom('area')
          .select(['code', 'name'])
          .where('level', 'in', ['county', 'township', 'village'])
          .execute(),
        this.db.selectFrom('institution').select(['id', 'name']).execute(),
        this.db.selectFrom('app_user').select(['id', 'display_name']).execute(),
      ]);
      this.areas = new Map(areas.map((a) => [a.code, a.name]));
      this.institutions = new Map(institutions.map((i) => [i.id, i.name]));
      this.users = new Map(users.map((u) => [u.id, u.display_name]));
      this.loadedAt = Date.now();
    })().finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  /** All names a record view needs, from memory when fresh (the usual case: no await, no query). */
  names(
    areas: string[],
    institutionId: number,
    userIds: (number | null)[],
  ):
    | Promise<{ areas: string[]; institution: string; users: (string | null)[] }>
    | { areas: string[]; institution: string; users: (string | null)[] } {
    const fresh = Date.now() - this.loadedAt < TTL_MS;
    const a = areas.map((c) => this.areas.get(c));
    const i = this.institutions.get(institutionId);
    const u = userIds.map((id) => (id === null ? null : this.users.get(id)));
    if (fresh && !a.includes(undefined) && i !== undefined && !u.includes(undefined))
      return { areas: a as string[], institution: i, users: u as (string | null)[] };
    return (async () => ({
      areas: await Promise.all(areas.map((c) => this.areaName(c))),
      institution: await this.institutionName(institutionId),
      users: await Promise.all(
        userIds.map((id) => (id === null ? Promise.resolve(null) : this.userName(id))),
      ),
    }))();
  }

  async areaName(code: string): Promise<string> {
    await this.refresh();
    const hit = this.areas.get(code);
    if (hit !== undefined) return hit;
    const row = await this.db.selectFrom('area').select('name').where('code', '=', code).executeTakeFirst();
    if (row) this.areas.set(code, row.name);
    return row?.name ?? '';
  }

  async institutionName(id: number): Promise<string> {
    await this.refresh();
    const hit = this.institutions.get(id);
    if (hit !== undefined) return hit;
    const row = await this.db
      .selectFrom('institution')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirst();
    if (row) this.institutions.set(id, row.name);
    return row?.name ?? '';
  }

  async userName(id: number): Promise<string> {
    await this.refresh();
    const hit = this.users.get(id);
    if (hit !== undefined) return hit;
    const row = await this.db
      .selectFrom('app_user')
      .select('display_name')
      .where('id', '=', id)
      .executeTakeFirst();
    if (row) this.users.set(id, row.display_name);
    return row?.display_name ?? '';
  }
}
