/**
 * Volunteer teams (志愿者服务队) of a unit or a community: listTeams, getTeam, createTeam, setTeamMembers.
 * A team is seen by those who reach its organisation, and by its own members.
 */
import { sql, type SqlBool } from 'kysely';
import type { CreateTeamBody, TeamMembersBody, TeamsQuery, VolunteerTeam } from '../../../contracts/directory';
import type { TeamKind } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { assertOrgInReach, directoryReach, memberInReach, type DirectoryReach } from './directory.policy';
import { escapeLike } from '../../platform/sql';
import { pageOf } from '../../platform/paging';
import { memberQuery } from './members.service';
import { requireOrg } from './places.repository';

function teamInReach(reach: DirectoryReach) {
  if (reach.all) return sql<SqlBool>`true`;
  const ors = [
    ...reach.orgPaths.map((p) => sql<SqlBool>`o.path like ${`${p}%`}`),
    ...reach.regionPaths.map((p) => sql<SqlBool>`orr.path like ${`${p}%`}`),
  ];
  if (reach.selfUserId) {
    ors.push(sql<SqlBool>`exists (select 1 from volunteer_team_member tm join member sm on sm.id = tm.member_id where tm.team_id = t.id and sm.user_id = ${reach.selfUserId})`);
  }
  return ors.length ? sql<SqlBool>`(${sql.join(ors, sql` or `)})` : sql<SqlBool>`false`;
}

function selectTeams(ctx: AppContext, principal: Principal) {
  return ctx.db
    .selectFrom('volunteer_team as t')
    .innerJoin('organization as o', 'o.id', 't.organization_id')
    .leftJoin('region as orr', 'orr.id', 'o.region_id')
    .select(['t.id', 't.name', 't.organization_id', 'o.name as organization_name', 'o.path as org_path', 'orr.path as region_path', 't.kind', 't.description'])
    .select(sql<number>`(select count(*) from volunteer_team_member c where c.team_id = t.id)`.as('member_count'))
    .where(teamInReach(directoryReach(principal, 'directory.team.read')));
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof selectTeams>['executeTakeFirstOrThrow']>>;

const toTeam = (r: TeamRow): VolunteerTeam => ({
  id: r.id,
  name: r.name,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  kind: r.kind,
  description: r.description,
  memberCount: Number(r.member_count),
});

export async function listTeams(ctx: AppContext, principal: Principal, query: TeamsQuery) {
  let q = selectTeams(ctx, principal);
  if (query.organizationId) q = q.where('t.organization_id', '=', query.organizationId);
  if (query.q?.trim()) q = q.where('t.name', 'like', `%${escapeLike(query.q.trim())}%`);
  const { rows, total } = await pageOf(ctx, q, query, { order: [['o.name', 'asc'], ['t.name', 'asc']] });
  return { items: rows.map(toTeam), total };
}

export async function getTeam(ctx: AppContext, principal: Principal, id: string) {
  const row = await selectTeams(ctx, principal).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('volunteer team');
  const members = await ctx.db
    .selectFrom('volunteer_team_member as tm')
    .innerJoin('member as m', 'm.id', 'tm.member_id')
    .select(['m.id as memberId', 'm.name', 'm.phone_masked as phoneMasked', 'tm.is_leader as isLeader'])
    .where('tm.team_id', '=', id)
    .orderBy('tm.is_leader', 'desc')
    .orderBy('m.name_initials')
    .execute();
  return { ...toTeam(row), members, row };
}

export async function createTeam(ctx: AppContext, principal: Principal, input: CreateTeamBody, actor: AuditActor) {
  const org = await requireOrg(ctx.db, input.organizationId, ['unit', 'community', 'street', 'grid_branch', 'alliance'], 'organizationId');
  assertOrgInReach(principal, 'directory.team.write', { orgPath: org.path, regionPath: org.region_path });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('volunteer_team')
      .values({ name: input.name.trim(), organization_id: org.id, kind: (input.kind ?? 'volunteer') as TeamKind, description: input.description ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'volunteer_team.create', entityType: 'volunteer_team', entityId: row.id, after: { ...input } });
    return row.id;
  });
  const { row: _row, ...team } = await getTeam(ctx, principal, id);
  return team;
}

export async function setTeamMembers(ctx: AppContext, principal: Principal, id: string, input: TeamMembersBody, actor: AuditActor) {
  const { row } = await getTeam(ctx, principal, id);
  assertOrgInReach(principal, 'directory.team.write', { orgPath: row.org_path, regionPath: row.region_path });
  const ids = [...new Set(input.members.map((m) => m.memberId))];
  if (ids.length !== input.members.length) throw badRequest('DUPLICATE_MEMBER', 'A member appears twice', [{ path: 'body/members', message: 'duplicate member' }]);
  if (ids.length) {
    // Every member must be one the principal can see.
    const seen = await memberQuery(ctx.db)
      .select('m.id')
      .where('m.id', 'in', ids)
      .where(memberInReach(directoryReach(principal, 'directory.member.read')))
      .execute();
    const missing = ids.filter((x) => !seen.some((s) => s.id === x));
    if (missing.length) throw badRequest('MEMBER_NOT_FOUND', 'Some members are unknown or outside your scope', { memberIds: missing });
  }
  const before = await ctx.db.selectFrom('volunteer_team_member').select(['member_id', 'is_leader']).where('team_id', '=', id).execute();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('volunteer_team_member').where('team_id', '=', id).execute();
    if (ids.length) await trx.insertInto('volunteer_team_member').values(input.members.map((m) => ({ team_id: id, member_id: m.memberId, is_leader: m.isLeader ?? false }))).execute();
    await writeAudit(trx, actor, { action: 'volunteer_team.members', entityType: 'volunteer_team', entityId: id, before, after: input.members });
  });
  const { row: _r, ...team } = await getTeam(ctx, principal, id);
  return team;
}
