/** Households (家庭档案): members with their relation to the head; moving a member between households. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { AppError, staleVersion, fieldError, notFound } from '../../platform/errors.ts';
import { ctxOf } from '../../platform/app.ts';
import { inJurisdiction, type Ctx } from '../auth/actor.ts';
import { repos } from '../../platform/repos.ts';
import type { AuditWriter } from '../audit/audit.writer.ts';
import { change, type ChangeEnv, type ChangeTx } from '../../platform/change.ts';
import { diffRecords } from './registry.diff.ts';
import { editableOf } from './resident.snapshot.ts';
import { cappedCount, COUNT_CAP, scopedResidents } from './registry.repo.ts';
import { likeContains, likePrefix } from './registry.search.ts';
import { responses } from '../../platform/api-schema.ts';
import {
  householdCreate,
  householdIdParams as params,
  householdList,
  householdListQuery,
  householdView,
  memberMove,
  type HouseholdCreate,
  type HouseholdList,
  type HouseholdListQuery,
  type HouseholdView,
  type MemberMove,
} from './registry.schema.ts';

type HouseholdRow = {
  id: number;
  county_code: string;
  village_code: string;
  address: string | null;
  status: string;
  head_resident_id: number | null;
  version: number;
};

const householdSnapshot = (h: HouseholdRow) => ({
  villageCode: h.village_code,
  address: h.address,
  status: h.status,
  headResidentId: h.head_resident_id,
});

/** The pipeline's record of a household row written by a change. */
function writtenHousehold(
  tx: ChangeTx,
  before: HouseholdRow | null,
  after: HouseholdRow,
  kind: string,
  action: string,
) {
  return tx.written({
    entity: 'household',
    id: after.id,
    version: after.version,
    countyCode: after.county_code,
    villageCode: after.village_code,
    residentId: null,
    kind,
    changes: diffRecords(before ? householdSnapshot(before) : {}, householdSnapshot(after)),
    snapshot: householdSnapshot(after),
    audit: { action },
  });
}

export class HouseholdService {
  private readonly db: Kysely<DB>;

  constructor(
    private readonly changes: ChangeEnv,
    private readonly audit: AuditWriter,
  ) {
    this.db = changes.db;
  }

  async create(ctx: Ctx, input: HouseholdCreate): Promise<HouseholdView> {
    const v = await this.db
      .selectFrom('area')
      .select(['code', 'parent_code', 'county_code'])
      .where('code', '=', input.villageCode)
      .where('level', '=', 'village')
      .executeTakeFirst();
    if (!v?.parent_code || !v.county_code || !inJurisdiction(ctx.actor.jurisdiction, v.code))
      throw fieldError('villageCode', 'not_in_jurisdiction');
    const id = await change(this.changes, ctx, async (tx) => {
      const h = await tx.trx
        .insertInto('household')
        .values({
          county_code: v.county_code!,
          township_code: v.parent_code!,
          village_code: v.code,
          address: input.address,
          created_by: ctx.actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writtenHousehold(tx, null, h, 'create', 'household.create');
      return h.id;
    });
    return this.view(this.db, ctx, id);
  }

  async get(ctx: Ctx, id: number): Promise<HouseholdView> {
    const view = await this.view(this.db, ctx, id);
    await this.audit.record(ctx, [
      {
        action: 'household.read',
        entityType: 'household',
        entityId: id,
        detail: { residentIds: view.members.map((m) => m.id) },
      },
    ]);
    return view;
  }

  /**
   * Households of the jurisdiction found by their number, their head's name (characters, pinyin or its
   * initials) or part of the address; newest first. Audited as a list read (the heads shown).
   */
  async search(ctx: Ctx, query: HouseholdListQuery): Promise<HouseholdList> {
    const q = (query.q ?? '').replace(/\s+/g, '');
    const pinyin = /^[a-zA-Z]+$/.test(q) ? q.toLowerCase() : '';
    const base = repos(this.db, ctx.actor)
      .households()
      .leftJoin('resident as head', 'head.id', 'h.head_resident_id')
      .$if(query.status !== 'all', (b) => b.where('h.status', '=', query.status as 'active' | 'dissolved'))
      .$if(!!query.villageCode, (b) => b.where('h.village_code', '=', query.villageCode!))
      .$if(!!query.townshipCode, (b) => b.where('h.township_code', '=', query.townshipCode!))
      .$if(!!q, (b) =>
        b.where((eb) =>
          eb.or([
            ...(/^\d{1,9}$/.test(q) ? [eb('h.id', '=', Number(q))] : []),
            ...(pinyin
              ? [
                  eb('head.name_initials', 'like', likePrefix(pinyin)),
                  eb('head.name_pinyin', 'like', likePrefix(pinyin)),
                ]
              : [eb('head.name', 'like', likePrefix(q))]),
            eb('h.address', 'like', likeContains(q)),
          ]),
        ),
      );
    const [rows, countRow] = await Promise.all([
      base
        .leftJoin('area as v', 'v.code', 'h.village_code')
        .select((eb) => [
          'h.id',
          'h.village_code',
          'v.name as village_name',
          'h.address',
          'h.status',
          'head.id as head_id',
          'head.name as head_name',
          eb
            .selectFrom('resident as m')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('m.household_id', '=', 'h.id')
            .where('m.status', '=', 'active')
            .as('members'),
        ])
        .orderBy('h.id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      cappedCount(this.db, base),
    ]);
    const heads = rows.flatMap((r) => (r.head_id ? [r.head_id] : []));
    await this.audit.record(ctx, [
      { action: 'household.search', entityType: 'household', detail: { residentIds: heads } },
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        villageCode: r.village_code,
        villageName: r.village_name ?? '',
        address: r.address,
        head: r.head_id && r.head_name ? { id: r.head_id, name: r.head_name } : null,
        members: Number(r.members ?? 0),
        status: r.status,
      })),
      total: Math.min(countRow.n, COUNT_CAP),
      totalExact: countRow.n <= COUNT_CAP,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Puts a resident into this household (moving them out of their previous one). */
  async addMember(ctx: Ctx, householdId: number, input: MemberMove): Promise<HouseholdView> {
    await change(this.changes, ctx, async (tx) => {
      const h = await tx.repos
        .households()
        .selectAll('h')
        .where('h.id', '=', householdId)
        .where('h.status', '=', 'active')
        .forUpdate()
        .executeTakeFirst();
      if (!h) throw notFound();
      const r = await tx.repos
        .residents()
        .selectAll('r')
        .where('r.id', '=', input.residentId)
        .forUpdate()
        .executeTakeFirst();
      if (!r) throw fieldError('residentId', 'not_in_jurisdiction');
      if (r.version !== input.version) throw staleVersion(r.version, input.version);
      if (r.status === 'archived') throw new AppError(409, 'archived_record');
      if (input.relationToHead === '02' && h.head_resident_id !== null && h.head_resident_id !== r.id)
        throw fieldError('relationToHead', 'head_exists');
      if (r.household_id && r.household_id !== householdId) {
        // Leaving a household the member headed leaves it without a head.
        const left = await tx.trx
          .selectFrom('household')
          .selectAll()
          .where('id', '=', r.household_id)
          .where('head_resident_id', '=', r.id)
          .forUpdate()
          .executeTakeFirst();
        if (left) {
          const after = await tx.trx
            .updateTable('household')
            .set({ head_resident_id: null, version: left.version + 1, updated_at: new Date() })
            .where('id', '=', left.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await writtenHousehold(tx, left, after, 'head_change', 'household.update');
        }
      }
      const updated = await tx.trx
        .updateTable('resident')
        .set({
          household_id: householdId,
          relation_to_head: input.relationToHead,
          version: r.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', r.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.relationToHead === '02' || (h.head_resident_id === r.id && input.relationToHead !== '02')) {
        const after = await tx.trx
          .updateTable('household')
          .set({
            head_resident_id: input.relationToHead === '02' ? r.id : null,
            version: h.version + 1,
            updated_at: new Date(),
          })
          .where('id', '=', householdId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writtenHousehold(tx, h, after, 'head_change', 'household.update');
      }
      const changes = diffRecords(editableOf(r), editableOf(updated));
      await tx.written({
        entity: 'resident',
        id: r.id,
        version: updated.version,
        countyCode: r.county_code,
        villageCode: updated.village_code,
        residentId: r.id,
        kind: 'household_move',
        changes,
        snapshot: editableOf(updated),
        audit: {
          action: 'household.member_move',
          fields: changes.map((c) => c.field),
          detail: { householdId, fromHousehold: r.household_id },
        },
      });
    });
    return this.view(this.db, ctx, householdId);
  }

  private async view(db: Kysely<DB>, ctx: Ctx, id: number): Promise<HouseholdView> {
    const h = await repos(db, ctx.actor)
      .households()
      .leftJoin('area as v', 'v.code', 'h.village_code')
      .select([
        'h.id',
        'h.village_code',
        'v.name as village_name',
        'h.address',
        'h.head_resident_id',
        'h.status',
        'h.version',
      ])
      .where('h.id', '=', id)
      .executeTakeFirst();
    if (!h) throw notFound();
    const members = await scopedResidents(db, ctx.actor)
      .select([
        'r.id',
        'r.name',
        'r.sex',
        'r.birth_date',
        'r.relation_to_head',
        'r.record_number',
        'r.status',
        'r.version',
      ])
      .where('r.household_id', '=', id)
      .orderBy('r.relation_to_head')
      .orderBy('r.birth_date')
      .execute();
    return {
      id: h.id,
      villageCode: h.village_code,
      villageName: h.village_name ?? '',
      address: h.address,
      headResidentId: h.head_resident_id,
      status: h.status,
      version: h.version,
      members: members.map((m) => ({
        id: m.id,
        name: m.name,
        sex: m.sex,
        birthDate: m.birth_date,
        relationToHead: m.relation_to_head,
        recordNumber: m.record_number,
        status: m.status,
        version: m.version,
      })),
    };
  }
}

export function householdRoutes(app: FastifyInstance, households: HouseholdService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['households'];
  r.post(
    '/api/households',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        summary: 'Create a household',
        body: householdCreate,
        response: responses({ 201: householdView }),
      },
    },
    async (req, reply) => reply.code(201).send(await households.create(ctxOf(req), req.body)),
  );
  r.get(
    '/api/households',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'Search households in my jurisdiction (number, head name or pinyin, address; audited)',
        querystring: householdListQuery,
        response: responses({ 200: householdList }),
      },
    },
    async (req) => households.search(ctxOf(req), req.query),
  );
  r.get(
    '/api/households/:id',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'A household with its members',
        params,
        response: responses({ 200: householdView }),
      },
    },
    async (req) => households.get(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/households/:id/members',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        summary: 'Add a resident to this household, or move them here from another one',
        params,
        body: memberMove,
        response: responses({ 200: householdView }),
      },
    },
    async (req) => households.addMember(ctxOf(req), req.params.id, req.body),
  );
}
