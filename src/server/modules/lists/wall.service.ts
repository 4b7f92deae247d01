/**
 * The wall screen (大屏) of a community: its published needs, the year's projects past draft
 * (not cancelled) with the units that claimed them, and the resources its paired units publish.
 * Public and read-only by decision: these lists are published to the alliance and the
 * residents anyway; the wall carries no personal data (no member or resident names, no phones;
 * member claims show only as a count).
 */
import { sql } from 'kysely';
import type { Wall, WallQuery } from '../../../contracts/lists';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { currentYear } from './rule.service';
import { selectProjects } from './projects.service';

export async function communityWall(ctx: AppContext, communityId: string, q: WallQuery): Promise<Wall> {
  const year = q.year ?? currentYear();
  const c = await ctx.db
    .selectFrom('region as c')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'c.kind', 'st.name as street_name'])
    .where('c.id', '=', communityId)
    .executeTakeFirst();
  if (!c || c.kind !== 'community') throw notFound('community');
  const [needs, projects, resources] = await Promise.all([
    ctx.db
      .selectFrom('need')
      .select(['id', 'title', 'category', 'priority', 'beneficiaries', 'published_at'])
      .where('community_id', '=', communityId)
      .where('status', '=', 'published')
      .orderBy(sql`case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`)
      .orderBy('published_at', 'desc')
      .limit(50)
      .execute(),
    selectProjects(ctx.db)
      .where('p.community_id', '=', communityId)
      .where('p.year', '=', year)
      .where('p.status', 'not in', ['draft', 'cancelled'])
      .select(
        sql<string[]>`array(select distinct coalesce(u.name, '党员志愿者') from project_claim k left join organization u on u.id = k.unit_org_id where k.project_id = p.id and k.status = 'active' order by 1)`.as('claimed_by'),
      )
      .orderBy('p.updated_at', 'desc')
      .limit(100)
      .execute(),
    ctx.db
      .selectFrom('resource as r')
      .innerJoin('organization as u', 'u.id', 'r.unit_org_id')
      .select(['r.id', 'r.title', 'r.kind', 'u.name as unit_name'])
      .where('r.status', '=', 'published')
      .where(({ exists, selectFrom }) => exists(selectFrom('pairing as pp').select('pp.id').whereRef('pp.unit_org_id', '=', 'r.unit_org_id').where('pp.community_id', '=', communityId).where('pp.status', '=', 'active')))
      .orderBy('u.name')
      .limit(50)
      .execute(),
  ]);
  const count = (s: string) => projects.filter((p) => p.status === s).length;
  return {
    communityId: c.id,
    communityName: c.name,
    streetName: c.street_name,
    year,
    needs: needs.map((n) => ({ id: n.id, title: n.title, category: n.category, priority: n.priority, beneficiaries: n.beneficiaries, publishedAt: n.published_at?.toISOString() ?? null })),
    projects: projects.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      leadUnitName: p.lead_unit_name,
      claimedBy: p.claimed_by,
      milestonesDone: Number(p.milestones_done),
      milestonesTotal: Number(p.milestones_total),
      ratingAverage: p.rating_average === null ? null : Math.round(Number(p.rating_average) * 10) / 10,
    })),
    resources: resources.map((r) => ({ id: r.id, title: r.title, kind: r.kind, unitName: r.unit_name })),
    counts: { needsPublished: needs.length, projectsOpen: count('open'), projectsInProgress: count('in_progress') + count('submitted'), projectsCompleted: count('completed') },
    generatedAt: new Date().toISOString(),
  };
}
