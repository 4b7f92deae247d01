import { describe, expect, it } from 'vitest';
import {
  availabilityScore,
  buildCorpus,
  categoryScore,
  combine,
  distanceScore,
  findSimilarTexts,
  pastSuccessScore,
  suggestForProfile,
  suggestNeeds,
  suggestResources,
  treeDistance,
  type Category,
  type NeedDoc,
  type ResourceDoc,
} from './matching';
import { analyse } from './text';

const XINGFU = '/city/dist/dongcheng/xingfu/';
const HEPING = '/city/dist/dongcheng/heping/';
const CUIHU = '/city/dist/xihu/cuihu/';
const TODAY = '2026-06-01';

function need(id: string, text: string, categories: Category[], over: Partial<NeedDoc> = {}): NeedDoc {
  return { id, categories, text: analyse(text), communityPath: XINGFU, startsOn: null, endsOn: null, ...over };
}
function resource(id: string, text: string, categories: Category[], over: Partial<ResourceDoc> = {}): ResourceDoc {
  return { id, unitOrgId: `u-${id}`, categories, text: analyse(text), pairedCommunityPaths: [], unitRegionPath: '/city/', availableFrom: null, availableUntil: null, unitCompletedProjects: 0, ...over };
}

describe('parts', () => {
  it('scores categories: any shared one, related, unrelated', () => {
    expect(categoryScore(['health'], ['health'])).toBe(1);
    expect(categoryScore(['children'], ['education', 'culture'])).toBe(0.5);
    expect(categoryScore(['children', 'safety'], ['safety'])).toBe(1);
    expect(categoryScore(['legal_aid'], ['environment'])).toBe(0);
    expect(categoryScore(['other'], ['environment'])).toBe(0.3);
  });
  it('measures distance in the region tree', () => {
    expect(treeDistance(XINGFU, XINGFU)).toBe(0);
    expect(treeDistance(XINGFU, HEPING)).toBe(2);
    expect(treeDistance(XINGFU, CUIHU)).toBe(4);
    expect(distanceScore(XINGFU, { pairedCommunityPaths: [CUIHU, XINGFU], unitRegionPath: '/city/' })).toBe(1);
    expect(distanceScore(XINGFU, { pairedCommunityPaths: [HEPING], unitRegionPath: '/city/' })).toBeCloseTo(0.6);
    expect(distanceScore(XINGFU, { pairedCommunityPaths: [], unitRegionPath: null })).toBe(0);
  });
  it('measures how much of the need window the resource covers', () => {
    const window = { startsOn: '2026-03-01', endsOn: '2026-03-31' };
    expect(availabilityScore(window, { availableFrom: null, availableUntil: null }, '2026-01-01')).toBe(1);
    expect(availabilityScore(window, { availableFrom: '2026-04-01', availableUntil: null }, '2026-01-01')).toBe(0);
    expect(availabilityScore(window, { availableFrom: '2026-03-16', availableUntil: null }, '2026-01-01')).toBeCloseTo(16 / 31);
  });
  it('rewards past success with diminishing returns', () => {
    expect(pastSuccessScore(0)).toBe(0);
    expect(pastSuccessScore(2)).toBeGreaterThan(pastSuccessScore(1));
    expect(pastSuccessScore(20)).toBeLessThan(1);
  });
  it('lets the soft signals move a score by a quarter of its text part at most', () => {
    const none = combine({ text: 0.8, category: 0, distance: 0, availability: 0, pastSuccess: 0 });
    const all = combine({ text: 0.8, category: 1, distance: 1, availability: 1, pastSuccess: 1 });
    expect(all).toBeCloseTo(0.8);
    expect(none).toBeCloseTo(0.6);
    expect(combine({ text: 0, category: 1, distance: 1, availability: 1, pastSuccess: 1 })).toBe(0);
  });
});

describe('suggestResources', () => {
  const pool = buildCorpus([
    resource('drain', '排水管网疏通清淤 市政公司提供小区排水管网、化粪池清掏和窨井疏通', ['infrastructure']),
    resource('survey', '房屋安全鉴定 检测中心对墙体开裂、地基沉降的住宅开展结构安全鉴定', ['infrastructure', 'safety']),
    resource('kids-a', '儿童绘本阅读 书店为儿童举办绘本共读', ['children']),
    resource('kids-b', '儿童手工课 美术老师教儿童剪纸', ['children']),
    resource('kids-c', '儿童合唱团 音乐老师带儿童唱歌', ['children']),
    resource('family-law', '婚姻家庭法律服务 律所提供离婚、抚养、赡养、遗产继承法律咨询', ['legal_aid']),
    resource('swim', '防溺水安全教育 救援协会讲解野外游泳危险和落水自救', ['safety']),
  ]);
  it('meets a resident’s everyday words with the unit’s formal service name', () => {
    const [top] = suggestResources(need('n1', '楼下下水道老是堵，厕所返臭水', ['environment']), pool, TODAY);
    expect(top!.resource.id).toBe('drain');
    expect(top!.explanation.synonyms.map((s) => s.concept)).toContain('下水道');
    const crack = suggestResources(need('n2', '楼房墙上裂了好几道缝，担心房子会塌', ['safety']), pool, TODAY);
    expect(crack[0]!.resource.id).toBe('survey');
  });
  it('does not let a shared category outrank a resource that says what is needed', () => {
    const ranked = suggestResources(need('n3', '夏天孩子偷偷去河里游泳，家长怕出事', ['children']), pool, TODAY);
    expect(ranked[0]!.resource.id).toBe('swim');
    expect(ranked[0]!.explanation.sharedCategories).toEqual([]);
  });
  it('finds the family-law lecture for children who do not support their parents', () => {
    const ranked = suggestResources(need('n4', '儿子不赡养老母亲，老人想讨个说法', ['elderly_care']), pool, TODAY);
    expect(ranked[0]!.resource.id).toBe('family-law');
  });
  it('keeps scores unrounded and breaks exact ties by id only', () => {
    const ranked = suggestResources(need('n5', '儿童绘本阅读', ['children']), pool, TODAY, 10, 10);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(ranked.some((s) => s.score !== Math.round(s.score * 1000) / 1000)).toBe(true);
  });
  it('explains distance and pairing', () => {
    const paired = buildCorpus([resource('p', '法律咨询 律师坐班', ['legal_aid'], { pairedCommunityPaths: [XINGFU] }), resource('q', '法律咨询 律师坐班', ['legal_aid'], { pairedCommunityPaths: [CUIHU] })]);
    const ranked = suggestResources(need('n6', '想找律师咨询法律问题', ['legal_aid']), paired, TODAY);
    expect(ranked.map((s) => s.resource.id)).toEqual(['p', 'q']);
    expect(ranked[0]!.explanation).toMatchObject({ paired: true, distanceSteps: 0, sharedCategories: ['legal_aid'] });
    expect(ranked[1]!.explanation.distanceSteps).toBe(4);
    expect(ranked[0]!.explanation.sharedWords).toContain('律师');
  });
  it('keeps at most perUnit suggestions of one unit', () => {
    const same = buildCorpus(['a', 'b', 'c'].map((id) => resource(id, '法律咨询 律师坐班', ['legal_aid'], { unitOrgId: 'one' })));
    expect(suggestResources(need('n7', '法律咨询', ['legal_aid']), same, TODAY, 10, 2)).toHaveLength(2);
  });
});

describe('the same ranking elsewhere', () => {
  it('suggests needs for a resource', () => {
    const needs = buildCorpus([need('drain', '小区下水道堵了返臭', ['environment']), need('lift', '电梯经常坏', ['infrastructure'])]);
    const ranked = suggestNeeds(resource('r', '排水管网疏通清淤', ['infrastructure']), needs, TODAY);
    expect(ranked[0]!.need.id).toBe('drain');
    expect(ranked[0]!.explanation.synonyms[0]!.needWords.length).toBeGreaterThan(0);
  });
  it('finds near-duplicate texts and leaves different ones out', () => {
    const concerns = buildCorpus(
      [
        { id: 'c1', text: analyse('3号楼楼道灯坏了，晚上上楼看不见') },
        { id: 'c2', text: analyse('小区门口垃圾堆了好几天没人清运') },
        { id: 'c3', text: analyse('幸福里小区电梯又坏了，老人被困') },
      ],
    );
    const similar = findSimilarTexts(analyse('3号楼的楼道灯坏了，晚上黑乎乎的看不见'), concerns);
    expect(similar.map((s) => s.id)).toEqual(['c1']);
    expect(similar[0]!.similarity).toBeGreaterThan(0.45);
    expect(findSimilarTexts(analyse('3号楼楼道灯坏了，晚上上楼看不见'), concerns, { excludeId: 'c1' })).toEqual([]);
  });
  it('suggests wishes to a member from a profile, nearer ones first on equal text', () => {
    const wishes = buildCorpus([
      { id: 'w-far', text: analyse('想要一台能用的电脑上网课'), communityPath: CUIHU },
      { id: 'w-near', text: analyse('想要一台能用的电脑上网课'), communityPath: XINGFU },
      { id: 'w-other', text: analyse('想要一双冬天穿的棉鞋'), communityPath: XINGFU },
    ]);
    const ranked = suggestForProfile({ text: analyse('IT工程师 会修电脑'), communityPath: XINGFU }, wishes);
    expect(ranked.map((r) => r.item.id)).toEqual(['w-near', 'w-far']);
  });
});
