/**
 * The yearly rule "each unit claims at least N projects" (default 2, set by the supervisor per
 * year): getClaimRule (the minimum and each unit's progress, the units the caller may see,
 * fewest first) and setClaimRule.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ClaimRuleProgress, ClaimRuleQuery, SetClaimRuleBody } from '../../../contracts/lists';
import { DEFAULT_MIN_PROJECTS, claimRuleProgress } from '../../../domain/lists/lifecycle';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { grantsFor, type Principal } from '../../platform/principal';
import { localDate } from '../../platform/time';
import { loadMe, unitsUnder } from './lists.policy';

export const currentYear = () => Number(localDate().slice(0, 4));

export async function minProjectsFor(db: AppContext['db'], year: number): Promise<number> {
  const row = await db.selectFrom('claim_rule').select('min_projects').where('year', '=', year).executeTakeFirst();
  return row?.min_projects ?? DEFAULT_MIN_PROJECTS;
}

/**
 * Units in the caller's view: the system and supervisors see every unit their scope reaches;
 * street and community staff the units paired with their communities; a unit admin its units;
 * a member his or her employer.
 */
async function unitFilter(ctx: AppContext, principal: Principal): Promise<Expression<SqlBool>> {
  const ors = [sql<SqlBool>`false`];
  const orgPaths: string[] = [];
  for (const g of grantsFor(principal, 'lists.project.read')) {
    if (g.scope.type === 'system') return sql<SqlBool>`true`;
    if (g.role === 'supervisor') {
      if (g.scope.orgPath) ors.push(sql<SqlBool>`u.path like ${`${g.scope.orgPath}%`}`);
      if (g.scope.regionPath) ors.push(sql<SqlBool>`ur.path like ${`${g.scope.regionPath}%`}`);
    } else if ((g.role === 'street_staff' || g.role === 'community_staff') && g.scope.regionPath) {
      ors.push(sql<SqlBool>`exists (select 1 from pairing pp join region pc on pc.id = pp.community_id where pp.unit_org_id = u.id and pp.status = 'active' and pc.path like ${`${g.scope.regionPath}%`})`);
    } else if (g.role === 'unit_admin' && g.scope.orgPath) orgPaths.push(g.scope.orgPath);
    else if (g.role === 'member') {
      const me = await loadMe(ctx, principal);
      if (me.employerOrgId) ors.push(sql<SqlBool>`u.id = ${me.employerOrgId}`);
    }
  }
  const units = await unitsUnder(ctx.db, orgPaths);
  if (units.length) ors.push(sql<SqlBool>`u.id in (${sql.join(units)})`);
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

export async function getClaimRule(ctx: AppContext, principal: Principal, q: ClaimRuleQuery): Promise<ClaimRuleProgress> {
  const year = q.year ?? currentYear();
  const minProjects = await minProjectsFor(ctx.db, year);
  let base = ctx.db
    .selectFrom('organization as u')
    .leftJoin('region as ur', 'ur.id', 'u.region_id')
    .where('u.kind', '=', 'unit')
    .where(await unitFilter(ctx, principal));
  if (q.regionId) {
    base = base.where(
      sql<SqlBool>`exists (select 1 from pairing pp join region pc on pc.id = pp.community_id where pp.unit_org_id = u.id and pp.status = 'active' and pc.path like (select path from region where id = ${q.regionId}) || '%')`,
    );
  }
  const counted = base.select([
    'u.id',
    'u.name',
    sql<number>`(select count(distinct k.project_id) from project_claim k join project p on p.id = k.project_id where k.unit_org_id = u.id and k.status = 'active' and p.year = ${year} and p.status <> 'cancelled')`.as('claimed'),
    sql<number>`(select count(distinct k.project_id) from project_claim k join project p on p.id = k.project_id where k.unit_org_id = u.id and k.status = 'active' and p.year = ${year} and p.status = 'completed')`.as('completed'),
  ]);
  const all = await ctx.db
    .selectFrom(counted.as('t'))
    .select([(eb) => eb.fn.countAll<number>().as('total'), sql<number>`count(*) filter (where t.claimed >= ${minProjects})`.as('met')])
    .executeTakeFirstOrThrow();
  const pageSize = q.pageSize ?? 20;
  const rows = await ctx.db
    .selectFrom(counted.as('t'))
    .selectAll()
    .orderBy('t.claimed')
    .orderBy('t.name')
    .limit(pageSize)
    .offset(((q.page ?? 1) - 1) * pageSize)
    .execute();
  return {
    year,
    minProjects,
    unitsTotal: Number(all.total),
    unitsMet: Number(all.met),
    total: Number(all.total),
    items: rows.map((r) => ({ unitOrgId: r.id, unitName: r.name, claimed: Number(r.claimed), completed: Number(r.completed), met: claimRuleProgress(Number(r.claimed), minProjects).met })),
  };
}

export async function setClaimRule(ctx: AppContext, principal: Principal, body: SetClaimRuleBody, actor: AuditActor): Promise<ClaimRuleProgress> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('claim_rule').select('min_projects').where('year', '=', body.year).executeTakeFirst();
    await trx
      .insertInto('claim_rule')
      .values({ year: body.year, min_projects: body.minProjects, updated_by: principal.userId })
      .onConflict((oc) => oc.column('year').doUpdateSet({ min_projects: body.minProjects, updated_by: principal.userId, updated_at: sql`now()` }))
      .execute();
    await writeAudit(trx, actor, { action: 'lists.rule.set', entityType: 'claim_rule', entityId: String(body.year), before: { minProjects: before?.min_projects ?? DEFAULT_MIN_PROJECTS }, after: body });
  });
  return getClaimRule(ctx, principal, { year: body.year });
}
