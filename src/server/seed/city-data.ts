/**
 * Name lists for the demo city (src/server/seed/city.ts): people, places, units and posts. Pure
 * data; the generator draws from these lists with a seeded PRNG, so the order of every list is
 * part of the demo's identity (reordering changes the generated city).
 */
import type { HouseholdTagName, Sector, TeamKind } from '../db/schema';

/** Common surnames with rough weights (per mille of the population). */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 17], ['孙', 15], ['马', 15], ['朱', 13], ['胡', 13], ['郭', 12], ['何', 12], ['高', 11], ['林', 11], ['罗', 9],
  ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 4], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 3], ['叶', 3], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 2], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 1], ['雷', 1], ['侯', 1],
  ['龙', 1], ['史', 1], ['陶', 1], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1], ['邵', 1],
  ['万', 1], ['钱', 1], ['严', 1], ['武', 1], ['戴', 1], ['孔', 1], ['汤', 1], ['俞', 1], ['楼', 1], ['应', 1],
  ['欧阳', 0.3], ['上官', 0.1], ['司马', 0.1],
];

/** Given names by generation: older people are 建国 and 秀兰, younger ones 浩然 and 欣怡. */
export interface GivenNamePool {
  /** first and second characters of two-character given names */
  first: readonly string[];
  second: readonly string[];
  /** whole two-character names that the pairs would not produce */
  whole: readonly string[];
  /** one-character given names */
  single: readonly string[];
  /** share of one-character names */
  singleShare: number;
}

type Era = 'old' | 'middle' | 'young';

export const GIVEN_NAMES: Record<'male' | 'female', Record<Era, GivenNamePool>> = {
  male: {
    old: {
      first: ['建', '国', '志', '永', '德', '金', '立', '文', '明', '卫', '树', '福', '长', '正', '玉', '学', '庆', '世', '红', '春'],
      second: ['国', '华', '平', '明', '强', '军', '林', '生', '荣', '民', '忠', '良', '才', '祥', '发', '根', '富', '山', '成', '东'],
      whole: ['建国', '建军', '国庆', '卫东', '爱国', '建华', '国平', '志刚', '德明', '福生', '金海', '跃进', '红兵', '援朝', '保国'],
      single: ['军', '强', '勇', '斌', '刚', '明', '华', '平', '林', '忠', '涛', '伟'],
      singleShare: 0.22,
    },
    middle: {
      first: ['建', '志', '海', '晓', '俊', '文', '伟', '立', '新', '家', '振', '宏', '永', '国', '少', '明', '小', '春', '剑', '雪'],
      second: ['军', '华', '强', '伟', '刚', '勇', '峰', '斌', '涛', '辉', '杰', '东', '林', '波', '龙', '明', '鹏', '飞', '超', '亮'],
      whole: ['晓明', '海涛', '志强', '俊杰', '建平', '文军', '伟东', '立新', '宏伟', '振华', '少华', '剑锋'],
      single: ['伟', '磊', '勇', '军', '杰', '涛', '斌', '强', '鹏', '辉', '刚', '健', '峰', '波', '亮', '超'],
      singleShare: 0.18,
    },
    young: {
      first: ['子', '浩', '宇', '嘉', '俊', '博', '思', '一', '泽', '天', '梓', '晨', '明', '家', '志', '文', '佳', '铭', '皓', '云'],
      second: ['轩', '然', '航', '阳', '博', '文', '宇', '辰', '杰', '豪', '睿', '凯', '鹏', '晨', '浩', '川', '昊', '涵', '逸', '远'],
      whole: ['浩然', '子轩', '宇航', '俊杰', '博文', '一鸣', '泽宇', '天佑', '梓豪', '思远', '嘉俊', '晨阳'],
      single: ['浩', '宇', '鑫', '磊', '昊', '晨', '凯', '帅', '阳', '杰', '超', '睿'],
      singleShare: 0.12,
    },
  },
  female: {
    old: {
      first: ['秀', '桂', '玉', '淑', '凤', '美', '丽', '春', '素', '月', '金', '彩', '翠', '爱', '兰', '红', '小', '雪', '菊', '惠'],
      second: ['兰', '英', '珍', '芳', '华', '琴', '霞', '梅', '娟', '萍', '云', '凤', '莲', '芬', '香', '仙', '花', '菊', '娣', '珠'],
      whole: ['秀兰', '桂英', '玉珍', '秀英', '桂兰', '淑珍', '凤英', '玉兰', '美华', '爱华', '素珍', '月娥', '红梅', '彩霞'],
      single: ['英', '兰', '珍', '芳', '霞', '梅', '娟', '萍', '华', '琴', '云', '凤'],
      singleShare: 0.18,
    },
    middle: {
      first: ['丽', '晓', '海', '小', '雪', '静', '慧', '红', '燕', '建', '美', '春', '秀', '玉', '亚', '晶', '佳', '文', '丹', '雅'],
      second: ['华', '燕', '丽', '玲', '红', '霞', '娟', '萍', '敏', '静', '洁', '琳', '芳', '梅', '英', '颖', '蓉', '艳', '君', '丹'],
      whole: ['丽华', '晓燕', '海燕', '小红', '雪梅', '静怡', '慧敏', '红霞', '丽娟', '美玲', '晓丽', '亚萍'],
      single: ['静', '丽', '敏', '燕', '艳', '娟', '霞', '芳', '娜', '丹', '玲', '萍', '红', '婷', '洁', '琳'],
      singleShare: 0.2,
    },
    young: {
      first: ['欣', '梓', '思', '雨', '诗', '子', '紫', '梦', '佳', '雅', '若', '婉', '可', '晓', '语', '一', '心', '安', '依', '嘉'],
      second: ['怡', '涵', '萱', '雯', '悦', '琪', '彤', '妍', '婷', '然', '璐', '瑶', '欣', '琳', '菲', '蕾', '晴', '宁', '洁', '颖'],
      whole: ['欣怡', '梓涵', '思雨', '诗琪', '雨桐', '紫萱', '佳怡', '梦瑶', '雅婷', '可馨', '语嫣', '一诺'],
      single: ['婷', '悦', '琪', '颖', '璐', '瑶', '菲', '倩', '雪', '月', '洁', '晴'],
      singleShare: 0.12,
    },
  },
};

export function eraOf(birthYear: number): Era {
  return birthYear < 1968 ? 'old' : birthYear < 1990 ? 'middle' : 'young';
}

/** Area codes (first six digits of ID numbers) in 杭州 (3301xx); the first one is 临江's own. */
export const AREA_CODES: ReadonlyArray<readonly [string, number]> = [
  ['330182', 60],
  ['330122', 8],
  ['330127', 6],
  ['330102', 5],
  ['330105', 4],
  ['330106', 4],
  ['330108', 3],
  ['330109', 4],
  ['330110', 4],
  ['330111', 3],
  ['330112', 3],
];

/** Mobile prefixes (三位号段) with rough weights. */
export const PHONE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['138', 9], ['139', 9], ['137', 6], ['136', 6], ['135', 6], ['134', 3], ['133', 4], ['130', 4], ['131', 4], ['132', 3],
  ['150', 5], ['151', 5], ['152', 3], ['153', 3], ['155', 3], ['156', 3], ['157', 3], ['158', 5], ['159', 5],
  ['170', 1], ['173', 2], ['176', 2], ['177', 2], ['178', 2],
  ['180', 3], ['181', 3], ['182', 3], ['183', 3], ['185', 3], ['186', 4], ['187', 4], ['188', 3], ['189', 4],
  ['191', 2], ['198', 2], ['199', 2],
];

/** Districts of the city-scale demo; the first is the existing 江滨区. */
export const DISTRICTS: readonly string[] = ['江滨区', '江北区', '鼓楼区', '城南区', '临湖区', '东港区', '西山区', '青龙区', '凤凰区', '高新区'];

/** Streets of 江滨区 (the first two exist in the foundation slice). */
export const JIANGBIN_STREETS: readonly string[] = ['东城街道', '西湖街道', '南门街道', '北苑街道', '新华街道', '文昌街道'];

/** Stems for the streets of the other districts (city scale). */
export const STREET_STEMS: readonly string[] = [
  '城关', '城东', '城西', '城北', '江南', '临江', '南湖', '东湖', '月湖', '白沙', '石门', '青山', '龙山', '虎山', '凤山',
  '金山', '银湖', '人民', '解放', '朝晖', '向阳', '红星', '长寿', '永宁', '安平', '太平', '光华', '东关', '西关', '南关',
  '北关', '大桥', '桥头', '港口', '新港', '高桥', '梅林', '桃源', '柳营', '杏林', '松江', '清河', '三里', '五里', '七里',
  '十里', '古城', '开元', '天宁', '钟楼', '马山', '双塔', '瓯江', '湖墅', '潮鸣', '望湖', '灵山', '狮山', '雁塔', '宝塔',
  '花港', '玉泉', '仁和', '崇文', '丰乐', '兴仁',
];

/** Community names (without 社区); 幸福 and 和平 and 翠湖 exist. */
export const COMMUNITY_STEMS: readonly string[] = [
  '朝阳', '吉祥', '兴隆', '新兴', '路北', '长安', '建设', '光明', '民主', '团结', '红旗', '东风', '春晖', '阳光', '锦绣',
  '金桥', '花园', '滨江', '南苑', '永安', '康乐', '望江', '育才', '书院', '东门', '西门', '人民路', '解放路', '中山路',
  '友谊', '青年', '工农', '振兴', '丰收', '府前', '学府', '文苑', '雅苑', '金桂', '银杏', '梧桐', '紫荆', '丁香', '荷花',
  '柳岸', '湖光', '江畔', '桥东', '桥西', '仓前', '百花', '长青', '松林', '竹园', '桃李', '桂花', '芙蓉', '绿洲', '明珠',
  '华府', '安居', '乐业', '和谐', '平安', '宝善', '凤鸣', '鹿鸣', '映月', '清风', '紫金', '东苑', '西苑', '北园',
];

/** Second halves for more community names when the list above runs out (金苑, 翠园 …). */
export const COMMUNITY_FIRST: readonly string[] = ['金', '银', '锦', '春', '秋', '和', '安', '康', '兴', '华', '新', '盛', '永', '福', '瑞', '祥', '嘉', '润', '丰', '景'];
export const COMMUNITY_SECOND: readonly string[] = ['苑', '园', '城', '湾', '庭', '里', '坊', '港', '桥', '湖', '山', '林', '泉', '溪', '河', '塘'];

/** Village names (without 村); 龙泉 exists. */
export const VILLAGE_STEMS: readonly string[] = [
  '桃园', '石桥', '杨家庄', '柳湾', '李家湾', '王家坪', '清水', '双河', '上塘', '下塘', '高岭', '梅溪', '竹林', '枫林',
  '东坞', '西坞', '大坪', '小溪', '黄泥坎', '白石', '沙洲', '新塘', '山口', '河口', '塘头', '后山', '前山', '茶园', '花果',
  '溪头', '坑口', '岭下', '田畈', '横塘', '马家', '陈家埠', '长乐', '金沙', '凤岭', '银坑', '杏花', '芦荻', '何家', '湖田',
];

/** What a residential estate (小区) is called after its community's name. */
export const ESTATE_SUFFIXES: readonly string[] = ['花园', '家园', '小区', '新村', '苑', '公寓', '雅居', '名都'];

export const ROADS: readonly string[] = [
  '人民路', '解放路', '中山路', '建设路', '文化路', '新华路', '江滨大道', '学府路', '健康路', '光明路', '和平路', '胜利路',
  '朝阳路', '迎宾大道', '滨河路', '长安街', '府前街', '青年路', '环城东路', '环城西路', '工业大道', '科技路',
];

export const SKILLS: readonly string[] = ['法律咨询', '医疗保健', '心理疏导', '家电维修', '文艺演出', '书法', '摄影', '驾驶', '电脑维修', '理发', '政策宣讲', '环境整治'];

export const STRENGTHS: readonly string[] = ['法律', '医疗', '教育', '建设', '金融', '文化', '环境', '心理', '信息技术', '应急'];

/** The skill a unit's staff are likely to bring, by the unit's strength. */
export const SKILL_OF_STRENGTH: Record<string, string> = {
  法律: '法律咨询',
  医疗: '医疗保健',
  教育: '政策宣讲',
  建设: '家电维修',
  金融: '政策宣讲',
  文化: '文艺演出',
  环境: '环境整治',
  心理: '心理疏导',
  信息技术: '电脑维修',
  应急: '驾驶',
};

/** Household hardship tags with weights; village-only tags are redrawn in towns. */
export const TAG_WEIGHTS: ReadonlyArray<readonly [HouseholdTagName, number]> = [
  ['elderly_alone', 30],
  ['low_income', 22],
  ['disability', 15],
  ['veteran', 12],
  ['member_in_hardship', 6],
  ['serious_illness', 6],
  ['five_guarantees', 4],
  ['left_behind_child', 5],
];
export const VILLAGE_ONLY_TAGS: ReadonlySet<HouseholdTagName> = new Set(['five_guarantees', 'left_behind_child']);

export const TAG_NOTES: Partial<Record<HouseholdTagName, readonly string[]>> = {
  elderly_alone: ['独居老人，子女在外地工作', '独居，每周电话回访', '独居老人，行动不便'],
  low_income: ['低保户，每月走访', '低保户，家中有学生'],
  disability: ['肢体残疾二级', '视力残疾，需上门服务', '听力残疾三级'],
  veteran: ['退役军人，曾获三等功', '退役军人之家联系户'],
  member_in_hardship: ['困难党员，长期患病', '老党员，生活困难'],
  serious_illness: ['家中有大病患者', '长期透析'],
  five_guarantees: ['五保供养对象'],
  left_behind_child: ['父母在外务工，祖辈照看'],
};

// ---------------------------------------------------------------------------------------------
// Units. A template makes one unit at city level (prefix 临江市, brand 临江) or at district level
// (prefix 江北区, brand 临江…江北): `name(p)` gets both.

export interface UnitPrefix {
  /** 临江市 or 江北区 */
  full: string;
  /** 临江 or 江北 */
  short: string;
  /** true for the city itself (and the county-scale demo) */
  city: boolean;
}

export interface UnitTemplate {
  name: (p: UnitPrefix) => string;
  sector: Sector;
  strengths: readonly string[];
  /** 'city' = the city (or district) itself; 'street' = a street of it */
  seat: 'city' | 'street';
  /** one of the six units whose members mostly live in the big community (as 朝阳社区's 828) */
  anchor?: boolean;
  /** the kind of volunteer team such a unit forms */
  team?: TeamKind;
  /** [min, max] staff who are party members */
  size?: readonly [number, number];
}

const agency = (body: string, strengths: readonly string[], branch = '机关党支部', extra: Partial<UnitTemplate> = {}): UnitTemplate => ({
  name: (p) => `${p.full}${body}${branch}`,
  sector: 'agency',
  strengths,
  seat: 'city',
  ...extra,
});

/** Agencies; the first five are anchors (with 市人民医院 below). */
export const AGENCIES: readonly UnitTemplate[] = [
  agency('税务局', ['金融', '法律'], '机关党支部', { anchor: true }),
  agency('公安局', ['法律', '应急'], '党委', { anchor: true, team: 'emergency' }),
  agency('人力资源和社会保障局', ['法律', '教育'], '机关党支部', { anchor: true }),
  agency('财政局', ['金融'], '机关党支部', { anchor: true }),
  agency('人民法院', ['法律'], '机关党委', { anchor: true, team: 'professional' }),
  agency('司法局', ['法律'], '机关党支部', { team: 'professional' }),
  agency('人民检察院', ['法律'], '机关党支部'),
  agency('民政局', ['心理', '文化']),
  agency('自然资源和规划局', ['建设', '环境']),
  agency('住房和城乡建设局', ['建设']),
  agency('交通运输局', ['建设', '应急']),
  agency('水利局', ['建设', '应急'], '机关党支部', { team: 'emergency' }),
  agency('农业农村局', ['环境']),
  agency('商务局', ['金融']),
  agency('文化广电旅游局', ['文化']),
  agency('卫生健康局', ['医疗', '心理'], '机关党支部', { team: 'professional' }),
  agency('应急管理局', ['应急'], '机关党支部', { team: 'emergency' }),
  agency('审计局', ['金融']),
  agency('市场监督管理局', ['法律'], '机关党委'),
  agency('统计局', ['信息技术']),
  agency('医疗保障局', ['医疗', '金融']),
  agency('综合行政执法局', ['环境', '法律'], '机关党委'),
  agency('生态环境局', ['环境']),
  agency('教育局', ['教育', '心理'], '机关党委'),
  agency('科学技术局', ['信息技术']),
  agency('经济和信息化局', ['信息技术']),
  agency('发展和改革局', ['金融', '建设']),
  agency('退役军人事务局', ['应急', '心理']),
  agency('信访局', ['心理', '法律']),
  agency('数据资源管理局', ['信息技术']),
  agency('机关事务管理局', ['建设']),
  agency('总工会', ['法律', '文化']),
  agency('妇联', ['心理', '法律']),
  agency('残联', ['医疗', '心理']),
  agency('科协', ['信息技术', '教育']),
  agency('消防救援大队', ['应急'], '党委', { team: 'emergency' }),
  agency('人民政府办公室', ['信息技术']),
  agency('纪委监委', ['法律']),
  agency('委宣传部', ['文化']),
  agency('委政法委', ['法律']),
  agency('人大常委会', ['法律'], '机关党支部'),
  agency('政协', ['文化'], '机关党支部'),
  agency('气象局', ['应急', '环境']),
  agency('林业局', ['环境']),
  agency('粮食和物资储备局', ['应急']),
  agency('供销合作社', ['金融']),
];

const institution = (body: string, strengths: readonly string[], branch = '党支部'): UnitTemplate => ({
  name: (p) => `${p.full}${body}${branch}`,
  sector: 'institution',
  strengths,
  seat: 'city',
});

export const INSTITUTIONS: readonly UnitTemplate[] = [
  institution('疾病预防控制中心', ['医疗', '应急']),
  institution('融媒体中心', ['文化', '信息技术']),
  institution('图书馆', ['文化', '教育']),
  institution('文化馆', ['文化']),
  institution('档案馆', ['文化', '信息技术']),
  institution('政务服务中心', ['信息技术'], '党总支'),
  institution('公证处', ['法律']),
  institution('法律援助中心', ['法律']),
  institution('住房公积金管理中心', ['金融']),
  institution('不动产登记中心', ['建设', '法律']),
  institution('社会福利院', ['心理', '医疗']),
  institution('青少年活动中心', ['教育', '文化']),
  institution('博物馆', ['文化']),
  institution('城乡规划设计院', ['建设']),
];

const school = (body: string, strengths: readonly string[], branch = '党支部', size: readonly [number, number] = [25, 80]): UnitTemplate => ({
  name: (p) => `${p.full}${body}${branch}`,
  sector: 'school',
  strengths,
  seat: 'street',
  size,
});

export const SCHOOLS: readonly UnitTemplate[] = [
  school('第一中学', ['教育', '心理']),
  school('第二中学', ['教育']),
  school('第三中学', ['教育']),
  school('实验中学', ['教育', '文化'], '党总支'),
  school('高级中学', ['教育', '心理'], '党总支'),
  school('职业中等专业学校', ['教育', '信息技术'], '党总支'),
  school('特殊教育学校', ['教育', '心理'], '党支部', [10, 25]),
  school('实验小学', ['教育', '文化']),
  school('第一小学', ['教育']),
  school('第二小学', ['教育']),
  school('第三小学', ['教育']),
  school('实验幼儿园', ['教育'], '党支部', [10, 30]),
  school('机关幼儿园', ['教育'], '党支部', [10, 30]),
  school('开放大学', ['教育', '文化'], '党支部', [15, 40]),
  school('技工学校', ['建设', '信息技术'], '党支部', [15, 40]),
];

const hospital = (body: string, strengths: readonly string[], branch = '党支部', extra: Partial<UnitTemplate> = {}): UnitTemplate => ({
  name: (p) => `${p.full}${body}${branch}`,
  sector: 'hospital',
  strengths,
  seat: 'street',
  team: 'professional',
  size: [40, 80],
  ...extra,
});

export const HOSPITALS: readonly UnitTemplate[] = [
  hospital('人民医院', ['医疗', '应急'], '党委', { anchor: true, seat: 'city' }),
  hospital('中医院', ['医疗'], '党委'),
  hospital('第二人民医院', ['医疗'], '党委'),
  hospital('妇幼保健院', ['医疗', '心理'], '党总支'),
  hospital('精神卫生中心', ['心理', '医疗'], '党支部', { size: [15, 40] }),
  hospital('急救中心', ['医疗', '应急'], '党支部', { size: [15, 40] }),
  hospital('口腔医院', ['医疗'], '党支部', { size: [15, 40] }),
];

const enterprise = (city: string, district: (p: UnitPrefix) => string, strengths: readonly string[], extra: Partial<UnitTemplate> = {}): UnitTemplate => ({
  name: (p) => (p.city ? city : district(p)),
  sector: 'state_enterprise',
  strengths,
  seat: 'street',
  size: [20, 80],
  ...extra,
});

export const STATE_ENTERPRISES: readonly UnitTemplate[] = [
  enterprise('临江城投集团党委', (p) => `${p.full}城市建设发展集团党委`, ['建设', '金融'], { seat: 'city' }),
  enterprise('国网临江供电公司党委', (p) => `国网临江供电公司${p.full}供电分公司党支部`, ['应急', '建设'], { team: 'emergency' }),
  enterprise('临江农商银行党委', (p) => `临江农商银行${p.short}支行党支部`, ['金融']),
  enterprise('临江水务集团党委', (p) => `临江水务集团${p.short}分公司党支部`, ['建设', '环境']),
  enterprise('临江燃气有限公司党支部', (p) => `临江燃气有限公司${p.short}分公司党支部`, ['应急']),
  enterprise('临江交通投资集团党委', (p) => `${p.full}交通建设有限公司党支部`, ['建设']),
  enterprise('临江公交集团党委', (p) => `临江公交集团${p.short}分公司党支部`, ['应急']),
  enterprise('临江文旅集团党支部', (p) => `${p.full}文化旅游发展有限公司党支部`, ['文化']),
  enterprise('中国工商银行临江支行党委', (p) => `中国工商银行临江${p.short}支行党支部`, ['金融']),
  enterprise('中国农业银行临江支行党委', (p) => `中国农业银行临江${p.short}支行党支部`, ['金融']),
  enterprise('中国建设银行临江支行党支部', (p) => `中国建设银行临江${p.short}支行党支部`, ['金融']),
  enterprise('中国移动临江分公司党支部', (p) => `中国移动临江分公司${p.short}营业部党支部`, ['信息技术']),
  enterprise('中国电信临江分公司党支部', (p) => `中国电信临江分公司${p.short}营业部党支部`, ['信息技术']),
  enterprise('临江市邮政分公司党支部', (p) => `临江市邮政分公司${p.short}支局党支部`, ['信息技术']),
  enterprise('临江建工集团党委', (p) => `${p.full}建筑工程有限公司党支部`, ['建设', '应急']),
  enterprise('中国人寿临江支公司党支部', (p) => `中国人寿临江支公司${p.short}营销服务部党支部`, ['金融']),
  enterprise('临江国有资本投资运营集团党委', (p) => `${p.full}国有资产经营有限公司党支部`, ['金融']),
];

/** Private firms: 临江 + a brand + an industry (+ 有限公司党支部). */
export const BRAND_FIRST: readonly string[] = ['恒', '华', '金', '鸿', '天', '瑞', '博', '新', '汇', '同', '正', '嘉', '永', '盛', '宏', '东', '海', '长', '中', '信', '明', '德', '立', '泰'];
export const BRAND_SECOND: readonly string[] = ['达', '信', '盛', '运', '成', '丰', '远', '锐', '通', '创', '泰', '和', '源', '德', '安', '辉', '联', '邦', '诚', '业', '峰', '祥', '宇', '骏'];

export const INDUSTRIES: ReadonlyArray<{ name: string; strengths: readonly string[] }> = [
  { name: '科技有限公司', strengths: ['信息技术'] },
  { name: '软件有限公司', strengths: ['信息技术'] },
  { name: '建设工程有限公司', strengths: ['建设'] },
  { name: '物业服务有限公司', strengths: ['环境', '建设'] },
  { name: '环保科技有限公司', strengths: ['环境'] },
  { name: '医药连锁有限公司', strengths: ['医疗'] },
  { name: '物流有限公司', strengths: ['应急'] },
  { name: '电子商务有限公司', strengths: ['信息技术'] },
  { name: '装饰工程有限公司', strengths: ['建设'] },
  { name: '家政服务有限公司', strengths: ['环境'] },
  { name: '保安服务有限公司', strengths: ['应急'] },
  { name: '教育培训有限公司', strengths: ['教育'] },
  { name: '文化传媒有限公司', strengths: ['文化'] },
  { name: '机械制造有限公司', strengths: ['建设'] },
  { name: '食品有限公司', strengths: ['环境'] },
];

/** Social organisations: law firms (the professional teams), accountants, social work, associations. */
export interface SocialTemplate {
  name: (p: UnitPrefix, brand: string) => string;
  strengths: readonly string[];
  team?: TeamKind;
  size: readonly [number, number];
}

export const SOCIAL_ORGANIZATIONS: readonly SocialTemplate[] = [
  { name: (_p, b) => `浙江${b}律师事务所党支部`, strengths: ['法律'], team: 'professional', size: [10, 20] },
  { name: (_p, b) => `浙江${b}律师事务所党支部`, strengths: ['法律'], team: 'professional', size: [10, 20] },
  { name: (_p, b) => `临江${b}会计师事务所党支部`, strengths: ['金融'], size: [10, 15] },
  { name: (p, b) => `${p.full}${b}社会工作服务中心党支部`, strengths: ['心理'], team: 'professional', size: [10, 20] },
  { name: (p) => `${p.full}慈善总会党支部`, strengths: ['心理', '医疗'], size: [10, 15] },
  { name: (p) => `${p.full}律师协会党支部`, strengths: ['法律'], size: [10, 20] },
];

export const OTHER_UNITS: ReadonlyArray<{ name: (p: UnitPrefix) => string; strengths: readonly string[] }> = [
  { name: (p) => `${p.full}快递物流行业联合党支部`, strengths: ['应急'] },
  { name: (p) => `${p.full}商务楼宇联合党支部`, strengths: ['金融', '信息技术'] },
];

/** Posts of leading groups (领导小组) and the titles that go with them. */
export const LEADING_TITLES = {
  supervisor: {
    leader: '市委常委、市直机关工委书记',
    deputies: ['市直机关工委常务副书记', '市委组织部副部长'],
    members: ['市直机关工委组织科科长', '市直机关工委宣传科科长', '市民政局副局长', '市委社会工作部副部长', '市财政局副局长'],
    office: '市直机关工委办公室主任',
  },
  street: {
    leader: (s: string) => `${s}党工委书记`,
    deputies: (s: string) => [`${s}办事处主任`, `${s}党工委副书记`],
    members: (s: string) => [`${s}党建工作办公室副主任`, `${s}社会事务办公室主任`, `${s}平安建设办公室主任`, '社区党委书记', '驻街单位党组织书记'],
    office: (s: string) => `${s}党建工作办公室主任`,
  },
  unit: {
    leader: '党组书记、主要负责人',
    deputies: ['党组成员、副职', '机关党委书记'],
    members: ['办公室主任（支部书记）', '组织人事科科长', '综合科科长', '业务科科长', '机关党支部副书记'],
    office: '办公室主任',
  },
} as const;
