/**
 * The demo city's three lists for the current year: every community's needs (mostly published,
 * some drafts, some closed), every unit's resources drawn from its strengths (法律, 医疗, 教育…),
 * and one project per active pairing in every state — open, claimed (self and assigned, pending,
 * declined), under way with progress reports, submitted, sent back, signed off and rated,
 * cancelled, draft. Deterministic (seeded random, stable ids) and idempotent (a marker in
 * app_setting). The demo accounts have work waiting: 幸福社区 a project to sign off and drafts to
 * publish, 税务局 an assignment to accept and a project to report on, the resident a project to rate.
 */
import type { Insertable, Kysely } from 'kysely';
import { packTerms, termsOf } from '../../domain/lists/text';
import type { DB, ListCategory, NeedTable, ResourceTable } from '../db/schema';
import { writeAudit } from '../platform/audit';
import { localDate } from '../platform/time';
import { CITY_FIXED, rng } from './city';
import { stableId } from './demo';

const MARKER = 'demo_lists';


type Need = { title: string; description: string; category: ListCategory; beneficiaries: string; people?: number; budget?: number; materials?: string; priority?: 'low' | 'normal' | 'high' | 'urgent' };
type Res = { kind: 'people' | 'service' | 'venue' | 'equipment' | 'funds'; title: string; description: string; category: ListCategory; skills: string[]; quantity?: number; note?: string };

const NEEDS: readonly Need[] = [
  { title: '空巢老人法律咨询', description: '辖区空巢、独居老人较多，遗嘱订立、赡养纠纷、防范养老诈骗等法律问题咨询需求大，希望每月有律师到社区坐班答疑', category: 'legal_aid', beneficiaries: '空巢独居老人约60户', people: 2, priority: 'high' },
  { title: '老年人健康体检与慢病随访', description: '组织医生为60岁以上老人测血压、血糖，建立慢病随访台账，行动不便的上门服务', category: 'health', beneficiaries: '60岁以上老人约300人', people: 4, priority: 'high' },
  { title: '四点半课堂作业辅导', description: '双职工家庭孩子放学后无人看管，需要志愿者在社区活动室辅导小学生作业、开展安全教育', category: 'children', beneficiaries: '小学生约40名', people: 6 },
  { title: '老旧小区楼道照明改造', description: '幸福里等老旧小区楼道灯损坏多年，夜间出行不便，需要更换声控灯并检修线路', category: 'infrastructure', beneficiaries: '6栋楼约200户', budget: 20000, materials: '声控灯、电线' },
  { title: '垃圾分类宣传与桶边督导', description: '推行垃圾分类后居民投放准确率不高，需要志愿者早晚在投放点桶边督导、入户宣传', category: 'environment', beneficiaries: '全体居民', people: 10 },
  { title: '防范电信诈骗宣传', description: '近期辖区老人接连遭遇冒充公检法、保健品诈骗，希望民警和金融专业人员进社区开展反诈讲座', category: 'safety', beneficiaries: '老年居民', people: 2, priority: 'urgent' },
  { title: '失业人员再就业技能培训', description: '辖区有一批下岗和失业居民，希望开展家政、电商、育婴等技能培训并对接招聘岗位', category: 'employment', beneficiaries: '登记失业人员约35人', people: 3 },
  { title: '社区文艺队排练指导', description: '社区合唱队、舞蹈队缺少专业指导，希望有文艺骨干每周指导排练，迎接节日演出', category: 'culture', beneficiaries: '文艺队员约50人', people: 2 },
  { title: '老年人智能手机使用培训', description: '很多老人不会用手机扫码、挂号、视频通话，希望开设智能手机使用课程，一对一教学', category: 'elderly_care', beneficiaries: '老年居民约80人', people: 6 },
  { title: '困难家庭学生学业帮扶', description: '低保和困难家庭的初中学生数学英语成绩落后，需要志愿教师结对辅导', category: 'children', beneficiaries: '困难家庭学生12名', people: 6 },
  { title: '小区消防安全隐患排查', description: '部分楼栋楼道堆放杂物、电动车室内充电，需要专业人员排查消防隐患并培训灭火器使用', category: 'safety', beneficiaries: '全体居民', people: 4, priority: 'high' },
  { title: '社区心理健康疏导', description: '独居老人、留守儿童和失独家庭有心理疏导需求，希望心理咨询师定期到社区谈心', category: 'health', beneficiaries: '特殊群体约30人', people: 2 },
  { title: '老年助餐点运营支持', description: '社区助餐点缺少送餐志愿者和资金，希望为高龄、失能老人送餐上门', category: 'elderly_care', beneficiaries: '高龄失能老人约25人', budget: 30000, people: 4 },
  { title: '背街小巷环境整治', description: '背街小巷存在卫生死角、乱堆乱放，需要组织党员志愿者集中清扫并种植绿化', category: 'environment', beneficiaries: '沿街居民约150户', people: 20 },
  { title: '党员冬训党课宣讲', description: '社区在职党员和老党员冬训需要理论宣讲，希望机关党支部派骨干讲党课', category: 'party_building', beneficiaries: '社区党员约120人', people: 1 },
  { title: '残疾人康复辅具与上门服务', description: '辖区残疾人需要康复训练指导、轮椅等辅具维修，行动不便者需上门服务', category: 'health', beneficiaries: '持证残疾人约20人', people: 2 },
  { title: '加装电梯政策咨询', description: '多栋老楼居民有加装电梯意愿，需要住建部门讲解政策、协调规划和资金补贴', category: 'infrastructure', beneficiaries: '多层住宅居民', people: 2 },
  { title: '暑期青少年托管班', description: '暑假期间孩子无人照看，希望开设暑期托管班，开展阅读、书法、科普活动', category: 'children', beneficiaries: '中小学生约50名', people: 8, budget: 10000 },
  { title: '居民个税社保政策讲解', description: '居民对个税汇算、灵活就业社保缴费、医保报销政策不了解，需要专业人员讲解', category: 'other', beneficiaries: '居民约100人', people: 2 },
  { title: '防汛应急物资储备', description: '社区低洼地段汛期易积水，需要沙袋、抽水泵等防汛物资和应急队伍', category: 'safety', beneficiaries: '低洼地段居民约80户', materials: '沙袋、抽水泵', budget: 15000, priority: 'high' },
  { title: '社区图书角建设', description: '社区活动室想建一个图书角，缺少图书和书架，希望单位捐赠图书并组织读书会', category: 'culture', beneficiaries: '居民和儿童', materials: '图书、书架' },
  { title: '困难家庭节日慰问', description: '春节前走访慰问低保户、困难党员和孤寡老人，需要米面粮油等慰问物资', category: 'other', beneficiaries: '困难家庭约30户', materials: '米面粮油', budget: 12000 },
  { title: '退役军人就业创业服务', description: '辖区退役军人希望了解创业扶持政策、获得就业推荐', category: 'employment', beneficiaries: '退役军人约20人', people: 2 },
  { title: '小区停车秩序治理', description: '小区停车位紧张，乱停乱放堵塞消防通道，需要规划停车位并引导文明停车', category: 'infrastructure', beneficiaries: '全体居民', people: 4 },
];

/** What units offer, by the strengths the directory records for them. */
const RESOURCES: Readonly<Record<string, readonly Res[]>> = {
  法律: [
    { kind: 'people', title: '律师志愿者法律咨询', description: '党员律师和法律顾问每月到社区坐班，解答遗嘱、继承、赡养、合同纠纷等法律问题', category: 'legal_aid', skills: ['法律咨询', '调解'], quantity: 3, note: '每月第一个周六上午' },
    { kind: 'service', title: '普法讲座进社区', description: '围绕防范诈骗、婚姻家庭、劳动维权开展普法讲座', category: 'legal_aid', skills: ['普法'], quantity: 2 },
  ],
  医疗: [
    { kind: 'people', title: '医生义诊和健康体检', description: '党员医生、护士进社区义诊，测量血压血糖，开展慢病管理和用药指导', category: 'health', skills: ['义诊', '慢病管理'], quantity: 5, note: '每季度一次' },
    { kind: 'service', title: '急救知识培训', description: '开展心肺复苏、AED使用等急救培训', category: 'health', skills: ['急救'], quantity: 2 },
  ],
  教育: [
    { kind: 'people', title: '教师志愿者课业辅导', description: '党员教师为中小学生辅导数学、英语作业，开展四点半课堂', category: 'children', skills: ['辅导', '教学'], quantity: 6, note: '工作日下午4点半后' },
    { kind: 'service', title: '职业技能培训讲师', description: '派出讲师开展家政、电商、计算机等职业技能培训', category: 'employment', skills: ['技能培训'], quantity: 3 },
  ],
  应急: [
    { kind: 'people', title: '应急救援队伍', description: '应急队员参与防汛抗灾、消防演练和隐患排查', category: 'safety', skills: ['应急救援', '消防'], quantity: 10 },
    { kind: 'equipment', title: '防汛物资和抽水泵', description: '可调配沙袋、抽水泵、应急照明等物资设备', category: 'safety', skills: [], quantity: 4 },
  ],
  建设: [
    { kind: 'people', title: '工程技术人员上门维修', description: '电工、水暖工等技术骨干为老旧小区维修路灯、管网、楼道照明', category: 'infrastructure', skills: ['电工', '维修'], quantity: 4 },
    { kind: 'service', title: '老旧小区改造政策咨询', description: '讲解加装电梯、老旧小区改造的政策和补贴申请流程', category: 'infrastructure', skills: ['规划', '政策咨询'], quantity: 2 },
  ],
  心理: [{ kind: 'people', title: '心理咨询师谈心疏导', description: '心理咨询师为独居老人、留守儿童和困难群众提供心理疏导和陪伴', category: 'health', skills: ['心理疏导'], quantity: 2, note: '每两周一次' }],
  文化: [
    { kind: 'people', title: '文艺骨干排练指导', description: '单位文艺骨干指导社区合唱、舞蹈排练，参与节日文艺演出', category: 'culture', skills: ['合唱', '舞蹈'], quantity: 3 },
    { kind: 'equipment', title: '图书捐赠', description: '捐赠少儿读物、科普图书和书架，协助建设社区图书角', category: 'culture', skills: [], quantity: 500 },
  ],
  环境: [{ kind: 'people', title: '党员志愿者环境整治', description: '组织党员志愿者清扫卫生死角、开展垃圾分类督导和植树绿化', category: 'environment', skills: ['垃圾分类', '绿化'], quantity: 15, note: '周末' }],
  金融: [
    { kind: 'service', title: '反诈和金融知识宣传', description: '金融干部讲解防范电信诈骗、非法集资和理财风险', category: 'safety', skills: ['反诈', '金融'], quantity: 2 },
    { kind: 'service', title: '个税社保政策讲解', description: '业务骨干讲解个人所得税汇算、社保医保缴费政策', category: 'other', skills: ['税务', '社保政策'], quantity: 2 },
    { kind: 'funds', title: '共建资金支持', description: '每年安排共建经费，用于社区为民办实事项目', category: 'other', skills: [], quantity: 20000 },
  ],
  信息技术: [{ kind: 'people', title: '智能手机使用教学', description: '青年党员一对一教老人使用智能手机扫码、挂号、视频通话，防范网络诈骗', category: 'elderly_care', skills: ['智能手机', '信息技术'], quantity: 6 }],
};
const GENERAL: readonly Res[] = [
  { kind: 'venue', title: '会议室和活动场地开放', description: '周末向社区开放会议室、活动室，可用于讲座、培训和居民议事', category: 'other', skills: [], quantity: 1, note: '周末全天' },
  { kind: 'people', title: '党员志愿服务队', description: '在职党员组成志愿服务队，参与社区助老、环境整治和文明劝导', category: 'other', skills: ['志愿服务'], quantity: 10 },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

type ProjectState = 'draft' | 'open' | 'assigned_pending' | 'in_progress' | 'submitted' | 'sent_back' | 'completed' | 'cancelled';
/** How the pairings' projects spread over the states (a realistic year: most under way or done). */
const STATES: readonly ProjectState[] = ['completed', 'in_progress', 'completed', 'open', 'in_progress', 'submitted', 'completed', 'assigned_pending', 'sent_back', 'in_progress', 'cancelled', 'draft'];

async function chunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 400) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedLists(db: Kysely<DB>, todayIso = localDate()): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const done = await db.selectFrom('app_setting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return { seeded: false, counts: done.value as Record<string, number> };
  const random = rng(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const year = Number(todayIso.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const XINGFU = CITY_FIXED.regions.xingfu;
  const TAX = stableId('organization:临江市税务局机关党支部');
  const communityUser = stableId('user:community');
  const unitUser = stableId('user:unit');
  const residentUser = stableId('user:resident');

  return db.transaction().execute(async (trx) => {
    const communities = await trx.selectFrom('region').select(['id', 'name']).where('kind', '=', 'community').orderBy('path').execute();
    const units = await trx.selectFrom('organization').select(['id', 'name', 'strengths']).where('kind', '=', 'unit').orderBy('path').execute();
    const pairings = await trx.selectFrom('pairing').select(['unit_org_id', 'community_id']).where('status', '=', 'active').orderBy('community_id').orderBy('unit_org_id').execute();
    const users = new Set((await trx.selectFrom('app_user').select('id').where('id', 'in', [communityUser, unitUser, residentUser]).execute()).map((u) => u.id));
    const by = (id: string) => (users.has(id) ? id : null);

    // ---------- needs ----------
    const needRows: Array<Insertable<NeedTable>> = [];
    const needsOf = new Map<string, Array<{ id: string; title: string; category: ListCategory }>>();
    for (const c of communities) {
      const n = c.id === XINGFU ? 8 : 3 + Math.floor(random() * 4);
      const offset = Math.floor(random() * NEEDS.length);
      for (let i = 0; i < n; i++) {
        const t = NEEDS[(offset + i * 5) % NEEDS.length]!;
        const r = random();
        const status = c.id === XINGFU && i < 2 ? 'draft' : r < 0.72 ? 'published' : r < 0.86 ? 'draft' : 'closed';
        const created = addDays(yearStart, Math.floor(random() * 120));
        const id = stableId(`need:${c.id}:${t.title}`);
        const startsOn = random() < 0.5 ? addDays(created, 14) : null;
        needRows.push({
          id,
          community_id: c.id,
          title: t.title,
          description: t.description,
          category: t.category,
          place: `${c.name}党群服务中心`,
          starts_on: startsOn,
          ends_on: startsOn ? addDays(startsOn, 60 + Math.floor(random() * 200)) : null,
          people_needed: t.people ?? null,
          budget_yuan: t.budget ?? null,
          materials: t.materials ?? null,
          priority: t.priority ?? 'normal',
          beneficiaries: t.beneficiaries,
          status,
          close_reason: status === 'closed' ? '已通过共建项目解决' : null,
          tokens: packTerms(termsOf([t.title, t.title, t.description, t.beneficiaries, t.materials ?? ''].join(' '))),
          created_by: c.id === XINGFU ? by(communityUser) : null,
          created_at: at(created),
          updated_at: at(created),
          published_at: status === 'draft' ? null : at(addDays(created, 2)),
        });
        if (status !== 'draft') needsOf.set(c.id, [...(needsOf.get(c.id) ?? []), { id, title: t.title, category: t.category }]);
      }
    }
    await chunks(needRows, (c) => trx.insertInto('need').values(c).execute());

    // ---------- resources ----------
    const resourceRows: Array<Insertable<ResourceTable>> = [];
    const resourcesOf = new Map<string, Array<{ id: string; title: string }>>();
    for (const u of units) {
      const offers = [...u.strengths.flatMap((s) => RESOURCES[s] ?? []), pick(GENERAL)];
      const chosen = offers.filter((_, i) => i < 3);
      chosen.forEach((t, i) => {
        const r = random();
        const status = u.id === TAX && i === 0 ? 'published' : r < 0.8 ? 'published' : r < 0.9 ? 'draft' : 'withdrawn';
        const id = stableId(`resource:${u.id}:${t.title}`);
        const created = addDays(yearStart, Math.floor(random() * 90));
        resourceRows.push({
          id,
          unit_org_id: u.id,
          kind: t.kind,
          title: t.title,
          description: t.description,
          category: t.category,
          skills: t.skills,
          quantity: t.quantity ?? null,
          available_from: created,
          available_until: random() < 0.7 ? `${year}-12-31` : null,
          availability_note: t.note ?? null,
          status,
          tokens: packTerms(termsOf([t.title, t.title, t.description, t.skills.join(' '), t.note ?? ''].join(' '))),
          created_by: u.id === TAX ? by(unitUser) : null,
          created_at: at(created),
          updated_at: at(created),
        });
        if (status === 'published') resourcesOf.set(u.id, [...(resourcesOf.get(u.id) ?? []), { id, title: t.title }]);
      });
    }
    await chunks(resourceRows, (c) => trx.insertInto('resource').values(c).onConflict((oc) => oc.doNothing()).execute());

    // ---------- projects, one per active pairing ----------
    const projects: Array<Record<string, unknown>> = [];
    const links: { needs: Array<{ project_id: string; need_id: string }>; resources: Array<{ project_id: string; resource_id: string }> } = { needs: [], resources: [] };
    const milestones: Array<{ id: string; project_id: string; title: string; due_on: string; done_at: Date | null; sort_order: number }> = [];
    const claims: Array<Record<string, unknown>> = [];
    const reports: Array<Record<string, unknown>> = [];
    const signOffs: Array<Record<string, unknown>> = [];
    const ratings: Array<Record<string, unknown>> = [];
    const seenNeed = new Set<string>();
    let k = 0;
    for (const pair of pairings) {
      const isDemo = pair.community_id === XINGFU && pair.unit_org_id === TAX;
      // Each published need is answered by one project at most; other pairs work from the unit's offer.
      const available = (needsOf.get(pair.community_id) ?? []).filter((n) => !seenNeed.has(n.id));
      const need = available.length ? pick(available) : null;
      if (need) seenNeed.add(need.id);
      const res = (resourcesOf.get(pair.unit_org_id) ?? [])[0] ?? null;
      // The demo pair gets an assignment to accept; 幸福社区 also gets a submitted project (below).
      const state: ProjectState = isDemo ? 'assigned_pending' : STATES[k++ % STATES.length]!;
      const id = stableId(`project:${pair.community_id}:${pair.unit_org_id}`);
      const title = need ? `${need.title}共建项目` : res ? `${res.title}进社区` : '党员志愿服务进社区';
      const created = addDays(yearStart, 20 + Math.floor(random() * 60));
      const claimed = state !== 'draft' && state !== 'open' && state !== 'cancelled';
      const active = claimed && state !== 'assigned_pending';
      projects.push({
        id,
        year,
        community_id: pair.community_id,
        title,
        goal: need ? `由${units.find((u) => u.id === pair.unit_org_id)?.name ?? '共建单位'}认领，回应社区“${need.title}”需求` : '在职党员下沉社区开展志愿服务',
        lead_unit_org_id: state === 'draft' || state === 'open' ? null : pair.unit_org_id,
        budget_yuan: Math.round((2 + random() * 18)) * 1000,
        claim_slots: state === 'open' ? 2 : 1,
        slots_taken: claimed ? 1 : 0,
        status: state === 'assigned_pending' ? 'open' : state === 'sent_back' ? 'in_progress' : state,
        cancel_reason: state === 'cancelled' ? '需求已由区级项目覆盖' : null,
        created_by: pair.community_id === XINGFU ? by(communityUser) : null,
        created_at: at(created),
        updated_at: at(addDays(created, 30)),
        completed_at: state === 'completed' ? at(addDays(created, 150)) : null,
      });
      if (need) links.needs.push({ project_id: id, need_id: need.id });
      if (res) links.resources.push({ project_id: id, resource_id: res.id });
      const plan = [
        { title: '制定方案、对接需求', due: addDays(created, 30) },
        { title: '组织实施', due: addDays(created, 120) },
        { title: '总结评估、居民反馈', due: addDays(created, 200) },
      ];
      const doneCount = state === 'completed' || state === 'submitted' ? 3 : state === 'in_progress' || state === 'sent_back' ? 1 + Math.floor(random() * 2) : 0;
      const claimId = stableId(`claim:${id}:${pair.unit_org_id}`);
      plan.forEach((m, i) => {
        const mid = stableId(`milestone:${id}:${i}`);
        const doneAt = i < doneCount ? at(addDays(m.due, -3)) : null;
        milestones.push({ id: mid, project_id: id, title: m.title, due_on: m.due, done_at: doneAt, sort_order: i });
        if (doneAt && active) {
          reports.push({ id: stableId(`report:${mid}`), project_id: id, milestone_id: mid, claim_id: claimId, note: `${m.title}已完成：参与党员${3 + Math.floor(random() * 10)}人次，服务居民${10 + Math.floor(random() * 60)}人次`, done: true, reported_by: null, reporter_name: '共建单位联络员', created_at: doneAt });
        }
      });
      if (claimed) {
        const assigned = state === 'assigned_pending' || random() < 0.3;
        claims.push({ id: claimId, project_id: id, kind: assigned ? 'assigned' : 'self', status: active ? 'active' : 'pending', unit_org_id: pair.unit_org_id, member_id: null, note: assigned ? '社区指定认领' : '我单位自主认领', created_by: null, created_at: at(addDays(created, 10)), decided_at: active ? at(addDays(created, 12)) : null });
      }
      if (state === 'sent_back' || (state === 'completed' && random() < 0.3)) {
        signOffs.push({ id: stableId(`signoff:${id}:back`), project_id: id, decision: 'sent_back', reason: '请补充活动照片和居民签到表', decided_by: null, decider_name: '社区党委', created_at: at(addDays(created, 140)) });
      }
      if (state === 'completed') {
        signOffs.push({ id: stableId(`signoff:${id}:ok`), project_id: id, decision: 'approved', reason: null, decided_by: null, decider_name: '社区党委', created_at: at(addDays(created, 150)) });
      }
      if (state === 'cancelled' && random() < 0.5) {
        claims.push({ id: stableId(`claim:${id}:declined`), project_id: id, kind: 'assigned', status: 'declined', unit_org_id: pair.unit_org_id, member_id: null, note: '社区指定认领', decline_reason: '本年度任务已满', created_by: null, created_at: at(addDays(created, 5)), decided_at: at(addDays(created, 7)) });
      }
    }

    // 幸福社区's own work: a project the tax bureau submitted, waiting for the community's sign-off;
    // a completed one the demo resident has not rated yet; one under way for the bureau to report
    // on; and an open one with free slots for units and members to claim.
    const extra = [
      { key: 'submitted', title: '居民个税社保政策讲解共建项目', status: 'submitted' as const },
      { key: 'completed', title: '防范电信诈骗宣传共建项目', status: 'completed' as const },
      { key: 'progress', title: '老年人智能手机使用培训共建项目', status: 'in_progress' as const },
      { key: 'open', title: '社区文艺队排练指导共建项目', status: 'open' as const },
      { key: 'draft', title: '背街小巷环境整治共建项目', status: 'draft' as const },
      { key: 'cancelled', title: '社区图书角建设共建项目', status: 'cancelled' as const },
    ];
    for (const e of extra) {
      const id = stableId(`project:${XINGFU}:${TAX}:${e.key}`);
      const created = addDays(yearStart, 40);
      const open = e.status === 'open' || e.status === 'draft' || e.status === 'cancelled';
      projects.push({ id, year, community_id: XINGFU, title: e.title, goal: open ? `${e.title.replace('共建项目', '')}：欢迎共建单位和在职党员认领` : '税务局机关党支部认领，党员业务骨干进社区服务', lead_unit_org_id: open ? null : TAX, budget_yuan: 5000, claim_slots: open ? 3 : 1, slots_taken: open ? 0 : 1, status: e.status, cancel_reason: e.status === 'cancelled' ? '图书已由区图书馆统一配送' : null, created_by: by(communityUser), created_at: at(created), updated_at: at(addDays(created, 60)), completed_at: e.status === 'completed' ? at(addDays(created, 90)) : null });
      const claimId = stableId(`claim:${id}:${TAX}`);
      if (!open) claims.push({ id: claimId, project_id: id, kind: 'self', status: 'active', unit_org_id: TAX, member_id: null, note: '我单位自主认领', created_by: by(unitUser), created_at: at(addDays(created, 3)), decided_at: at(addDays(created, 3)) });
      ['方案制定', '集中宣讲', '回访总结'].forEach((title, i) => {
        const mid = stableId(`milestone:${id}:${i}`);
        const due = addDays(created, 20 + i * 30);
        const done = !open && (e.status !== 'in_progress' || i === 0);
        milestones.push({ id: mid, project_id: id, title, due_on: due, done_at: done ? at(due) : null, sort_order: i });
        if (done) reports.push({ id: stableId(`report:${mid}`), project_id: id, milestone_id: mid, claim_id: claimId, note: `${title}完成，服务居民${20 + i * 15}人次`, done: true, reported_by: by(unitUser), reporter_name: '刘志强', created_at: at(due) });
      });
      if (e.status === 'in_progress') {
        signOffs.push({ id: stableId(`signoff:${id}:back`), project_id: id, decision: 'sent_back', reason: '请补充培训签到表和现场照片', decided_by: by(communityUser), decider_name: '幸福社区党委', created_at: at(addDays(created, 50)) });
      }
      if (e.status === 'completed') {
        signOffs.push({ id: stableId(`signoff:${id}:ok`), project_id: id, decision: 'approved', reason: null, decided_by: by(communityUser), decider_name: '幸福社区党委', created_at: at(addDays(created, 90)) });
        if (users.has(communityUser)) ratings.push({ id: stableId(`rating:${id}:community`), project_id: id, user_id: communityUser, stars: 5, comment: '讲得实在，老人们都说有用', rater_name: '王*', created_at: at(addDays(created, 95)) });
      }
    }

    await chunks(projects, (c) => trx.insertInto('project').values(c as never).execute());
    await chunks(links.needs, (c) => trx.insertInto('project_need').values(c).onConflict((oc) => oc.doNothing()).execute());
    await chunks(links.resources, (c) => trx.insertInto('project_resource').values(c).onConflict((oc) => oc.doNothing()).execute());
    await chunks(milestones, (c) => trx.insertInto('project_milestone').values(c).execute());
    await chunks(claims, (c) => trx.insertInto('project_claim').values(c as never).execute());
    await chunks(reports, (c) => trx.insertInto('progress_report').values(c as never).execute());
    await chunks(signOffs, (c) => trx.insertInto('project_sign_off').values(c as never).execute());
    await chunks(ratings, (c) => trx.insertInto('project_rating').values(c as never).execute());
    await trx.insertInto('claim_rule').values({ year, min_projects: 2 }).onConflict((oc) => oc.doNothing()).execute();

    const counts = { need: needRows.length, resource: resourceRows.length, project: projects.length, project_claim: claims.length, progress_report: reports.length, project_sign_off: signOffs.length, project_rating: ratings.length };
    await trx.insertInto('app_setting').values({ key: MARKER, value: JSON.stringify(counts) }).execute();
    await writeAudit(trx, { userId: null, account: 'seed', ip: null, userAgent: 'gongjian seed', requestId: null }, { action: 'demo.lists.seed', entityType: 'demo', entityId: 'lists', after: counts });
    return { seeded: true, counts };
  });
}
