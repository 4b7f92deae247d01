import { describe, expect, it } from 'vitest';
import {
  availabilityScore,
  categoryScore,
  distanceScore,
  pastSuccessScore,
  scorePair,
  suggestNeeds,
  suggestResources,
  textScore,
  treeDistance,
  type NeedDoc,
  type ResourceDoc,
} from './matching';
import { conceptsOf, termsOf } from './text';

const XINGFU = '/city/dist/dongcheng/xingfu/';
const HEPING = '/city/dist/dongcheng/heping/';
const CUIHU = '/city/dist/xihu/cuihu/';

function need(id: string, text: string, category: NeedDoc['category'], over: Partial<NeedDoc> = {}): NeedDoc {
  return { id, category, terms: termsOf(text), communityPath: XINGFU, startsOn: null, endsOn: null, ...over };
}
function resource(id: string, text: string, category: ResourceDoc['category'], over: Partial<ResourceDoc> = {}): ResourceDoc {
  return { id, unitOrgId: `u-${id}`, category, terms: termsOf(text), pairedCommunityPaths: [], unitRegionPath: '/city/', availableFrom: null, availableUntil: null, unitCompletedProjects: 0, ...over };
}

describe('terms', () => {
  it('segments Chinese, drops stop words and adds concepts', () => {
    const t = termsOf('为空巢老人提供法律咨询服务');
    expect(t).toContain('w:法律');
    expect(t).toContain('w:咨询');
    expect(t).toContain('b:空巢');
    expect(t).toContain('#legal');
    expect(t).toContain('#elderly');
    expect(t).not.toContain('w:服务');
    expect(t).not.toContain('w:提供');
  });
  it('maps different surface words to one concept', () => {
    expect(conceptsOf('律师坐班答疑')).toContain('legal');
    expect(conceptsOf('法援进社区')).toContain('legal');
    expect(conceptsOf('义诊量血压')).toContain('health');
  });
  it('is stable and deduplicated', () => {
    expect(termsOf('垃圾分类 垃圾分类')).toEqual(termsOf('垃圾分类'));
  });
});

describe('parts', () => {
  it('scores text overlap between 0 and 1', () => {
    const a = termsOf('老人健康体检');
    expect(textScore(a, a).score).toBeCloseTo(1);
    expect(textScore(a, termsOf('儿童书法课')).score).toBe(0);
    const partial = textScore(a, termsOf('社区义诊 健康讲座'));
    expect(partial.score).toBeGreaterThan(0);
    expect(partial.score).toBeLessThan(1);
    expect(partial.shared).toContain('#health');
  });
  it('scores categories: same, related, unrelated', () => {
    expect(categoryScore('health', 'health')).toBe(1);
    expect(categoryScore('elderly_care', 'health')).toBe(0.5);
    expect(categoryScore('health', 'elderly_care')).toBe(0.5);
    expect(categoryScore('legal_aid', 'environment')).toBe(0);
    expect(categoryScore('other', 'environment')).toBe(0.3);
  });
  it('measures distance in the region tree', () => {
    expect(treeDistance(XINGFU, XINGFU)).toBe(0);
    expect(treeDistance(XINGFU, HEPING)).toBe(2);
    expect(treeDistance(XINGFU, CUIHU)).toBe(4);
    expect(treeDistance(XINGFU, '/city/')).toBe(3);
    expect(distanceScore(XINGFU, { pairedCommunityPaths: [CUIHU, XINGFU], unitRegionPath: '/city/' })).toBe(1);
    expect(distanceScore(XINGFU, { pairedCommunityPaths: [HEPING], unitRegionPath: '/city/' })).toBeCloseTo(0.6);
    expect(distanceScore(XINGFU, { pairedCommunityPaths: [], unitRegionPath: null })).toBe(0);
  });
  it('measures how much of the need window the resource covers', () => {
    const window = { startsOn: '2026-03-01', endsOn: '2026-03-31' };
    expect(availabilityScore(window, { availableFrom: null, availableUntil: null }, '2026-01-01')).toBe(1);
    expect(availabilityScore(window, { availableFrom: '2026-04-01', availableUntil: null }, '2026-01-01')).toBe(0);
    expect(availabilityScore(window, { availableFrom: '2026-03-16', availableUntil: null }, '2026-01-01')).toBeCloseTo(16 / 31);
    expect(availabilityScore({ startsOn: null, endsOn: null }, { availableFrom: null, availableUntil: '2025-12-31' }, '2026-01-01')).toBe(0);
  });
  it('rewards past success with diminishing returns', () => {
    expect(pastSuccessScore(0)).toBe(0);
    expect(pastSuccessScore(1)).toBeLessThan(pastSuccessScore(3));
    expect(pastSuccessScore(50)).toBeLessThanOrEqual(1);
  });
});

describe('suggestions', () => {
  const legalNeed = need('n1', '为空巢老人提供法律援助：遗嘱、赡养纠纷咨询', 'legal_aid');
  const lawyers = resource('r-law', '律师志愿服务：每月一次法律咨询进社区，普法讲座', 'legal_aid');
  const doctors = resource('r-doc', '医院党员医生义诊、健康体检', 'health');
  const tax = resource('r-tax', '税务干部讲解个税汇算、社保政策', 'other');
  const calligraphy = resource('r-art', '书法老师教儿童写毛笔字', 'culture');

  it('puts the resource that answers the need first, and drops unrelated ones', () => {
    const out = suggestResources(legalNeed, [calligraphy, doctors, tax, lawyers], '2026-03-01');
    expect(out[0]!.resource.id).toBe('r-law');
    expect(out[0]!.sharedTerms).toContain('#legal');
    expect(out.map((s) => s.resource.id)).not.toContain('r-art');
  });
  it('prefers a paired nearby unit when texts are alike', () => {
    const near = resource('near', '律师法律咨询', 'legal_aid', { pairedCommunityPaths: [XINGFU] });
    const far = resource('far', '律师法律咨询', 'legal_aid', { pairedCommunityPaths: [CUIHU] });
    const out = suggestResources(legalNeed, [far, near], '2026-03-01');
    expect(out.map((s) => s.resource.id)).toEqual(['near', 'far']);
    expect(out[0]!.paired).toBe(true);
  });
  it('limits suggestions per unit', () => {
    const many = [1, 2, 3, 4].map((i) => resource(`l${i}`, `律师法律咨询${i}`, 'legal_aid', { unitOrgId: 'same' }));
    expect(suggestResources(legalNeed, many, '2026-03-01', 10, 2)).toHaveLength(2);
  });
  it('suggests needs for a resource', () => {
    const needs = [need('a', '小区垃圾分类宣传', 'environment'), legalNeed, need('b', '老人体检', 'elderly_care')];
    expect(suggestNeeds(lawyers, needs, '2026-03-01')[0]!.need.id).toBe('n1');
  });
  it('scores within [0, 1] with parts explained', () => {
    const s = scorePair(legalNeed, lawyers, '2026-03-01');
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(Object.keys(s.parts).sort()).toEqual(['availability', 'category', 'distance', 'pastSuccess', 'text']);
  });
});
