/**
 * Chinese text to matching terms. Words come from Intl.Segmenter (zh, built into Node and the
 * browsers); character bigrams catch words the segmenter splits (空巢 → 空|巢); a small domain
 * vocabulary maps many surface words to one concept (律师, 法援, 普法 → #legal), so that a need
 * asking for 法律援助 meets a resource offering 律师咨询. Terms are computed when a need or a
 * resource is written and stored with it, so a suggestion only compares stored arrays.
 *
 * Term prefixes: `w:` a word, `b:` a character bigram, `#` a concept.
 */

/** Concepts of the co-building domain and the surface words that signal them. */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  legal: ['法律', '律师', '法援', '普法', '法治', '维权', '调解', '纠纷', '合同', '遗嘱', '赡养', '公证', '法官', '检察', '司法'],
  health: ['健康', '体检', '义诊', '医疗', '医生', '医院', '护士', '血压', '血糖', '慢病', '慢性病', '中医', '就医', '急救', '康复', '用药', '口腔', '眼科', '疫苗'],
  elderly: ['老人', '老年', '空巢', '独居', '养老', '助老', '敬老', '高龄', '适老', '长者', '老龄', '失能'],
  children: ['儿童', '孩子', '青少年', '学生', '未成年', '托管', '课后', '四点半', '留守', '作业', '小学', '幼儿', '暑期', '寒假', '亲子'],
  teaching: ['讲座', '培训', '课堂', '授课', '宣讲', '讲课', '讲师', '辅导', '教学', '课程', '讲解'],
  environment: ['环境', '垃圾', '分类', '绿化', '清洁', '保洁', '河道', '植树', '环保', '卫生死角', '整治', '清扫', '美化'],
  employment: ['就业', '招聘', '岗位', '求职', '创业', '再就业', '职业', '用工', '技能培训'],
  culture: ['文化', '文艺', '演出', '书法', '读书', '图书', '阅读', '非遗', '合唱', '舞蹈', '电影', '节日', '民俗', '摄影', '书画'],
  safety: ['安全', '消防', '防诈', '反诈', '诈骗', '治安', '巡逻', '应急', '灭火', '燃气', '隐患', '防汛', '交通安全'],
  infrastructure: ['道路', '路灯', '加装', '电梯', '管网', '改造', '维修', '停车', '充电', '设施', '下水道', '水电', '屋顶', '防水', '楼道', '老旧小区'],
  party: ['党建', '党课', '党员', '主题党日', '组织生活', '理论学习', '党史', '支部'],
  tax: ['税务', '个税', '纳税', '退税', '社保', '医保', '公积金', '政策咨询', '财务', '记账'],
  funds: ['资金', '捐赠', '经费', '赞助', '捐款', '资助', '慰问金', '奖学金'],
  materials: ['物资', '米面', '粮油', '衣物', '被褥', '慰问品', '设备', '器材', '电脑', '图书捐赠'],
  venue: ['场地', '会议室', '活动室', '场所', '礼堂', '场馆', '教室', '运动场'],
  digital: ['手机', '智能', '网上', '电脑', '数字', '线上', '互联网', '智能手机', '扫码', '网络'],
  mental: ['心理', '情绪', '疏导', '陪伴', '谈心', '关爱', '孤独'],
  disability: ['残疾', '残障', '轮椅', '助残', '盲人', '聋哑'],
  hardship: ['困难', '低保', '帮扶', '救助', '特困', '五保', '慰问'],
  food: ['助餐', '食堂', '送餐', '餐饮', '膳食', '营养'],
  volunteer: ['志愿', '义工', '人手', '人员', '党员志愿者'],
};

/** Words that say nothing about what is needed or offered. */
const STOP = new Set([
  '的', '了', '和', '与', '及', '或', '为', '在', '对', '向', '把', '被', '从', '到', '由', '是', '有', '也', '都', '并', '等', '个',
  '一', '二', '三', '次', '名', '位', '人', '户', '些', '这', '那', '其', '之', '以', '于', '上', '下', '中', '内', '外', '后', '前',
  '我们', '你们', '他们', '可以', '能够', '需要', '希望', '提供', '开展', '组织', '进行', '相关', '有关', '工作', '活动', '服务',
  '社区', '居民', '单位', '每周', '每月', '每年', '一次', '若干', '左右', '以上', '约', '共', '名额', '协助', '帮助', '参与',
]);

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /\p{Script=Han}/u;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The concepts a text mentions (by substring, so segmentation cannot hide them). */
export function conceptsOf(text: string): string[] {
  const t = normalise(text);
  return Object.keys(CONCEPTS).filter((c) => CONCEPTS[c]!.some((w) => t.includes(w)));
}

/** The matching terms of a text: words, CJK bigrams and concepts, each once, sorted. */
export function termsOf(text: string): string[] {
  const t = normalise(text);
  const out = new Set<string>();
  let run = '';
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!STOP.has(bigram)) out.add(`b:${bigram}`);
    }
    run = '';
  };
  for (const s of SEGMENTER.segment(t)) {
    if (!s.isWordLike) {
      flush();
      continue;
    }
    const w = s.segment;
    if (!STOP.has(w) && (w.length > 1 || !CJK.test(w)) && w.length <= 12) out.add(`w:${w}`);
    // Bigrams run over consecutive Han words that are not stop words.
    if (CJK.test(w) && !STOP.has(w)) run += w;
    else flush();
  }
  flush();
  for (const c of conceptsOf(t)) out.add(`#${c}`);
  return [...out].sort();
}

/** How much a shared term counts: a concept more than a word, a bigram less. */
export function termWeight(term: string): number {
  if (term.startsWith('#')) return 1.5;
  if (term.startsWith('b:')) return 0.4;
  return 1;
}

/** Readable form of a term (for the "why" line). */
export function termLabel(term: string): string {
  return term.startsWith('#') ? term : term.slice(2);
}

/** Terms as stored in a row (space-separated: no term contains a space). */
export function packTerms(terms: readonly string[]): string {
  return terms.join(' ');
}

export function unpackTerms(stored: string): string[] {
  return stored ? stored.split(' ') : [];
}
