/**
 * Spreadsheet import of members, households, organisations and regions (region-import.ts): validateImport reads the sheet,
 * checks every row (which row, which column, why), matches rows to existing records (members by
 * ID number, else phone + name; households by the head's ID number, else phone + name, else the
 * address; organisations by code, else name) and keeps the result as a batch — personal data
 * sealed, never in plain text. commitImport then writes all valid rows in one transaction, or
 * discardImport drops the batch. Re-importing the same sheet finds every row unchanged.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportError, ImportReport } from '../../../contracts/directory';
import { checkIdNumber, idBirthDate, idGender, makeIdNumber } from '../../../domain/directory/id-number';
import { nameInitials } from '../../../domain/directory/names';
import type { DB, ImportKind } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { isMobilePhone, maskIdNumber, maskPhone, normalizePhone, sealIdNumber, sealPhone } from '../../platform/crypto';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/principal';
import { readSheet, writeSheet, type SheetRow } from '../../platform/xlsx';
import { assertOrgInReach, assertRegionInReach, directoryReach, writableSides, type MemberSide } from './directory.policy';
import { applyRegionRows, matchRegionRows, planRegionRows, REGION_COLUMNS, type RegionMatched } from './region-import';

// ---------- vocabularies ----------

const GENDER: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female' };
const YES_NO: Record<string, boolean> = { 是: true, 否: false, Y: true, N: false, y: true, n: false, '1': true, '0': false };
const STATUS: Record<string, string> = { 在册: 'active', 正常: 'active', 已转出: 'transferred', 转出: 'transferred', 已故: 'deceased', 已离开: 'left' };
export const TAGS: Record<string, string> = {
  低保: 'low_income',
  残疾: 'disability',
  空巢老人: 'elderly_alone',
  困难党员: 'member_in_hardship',
  五保: 'five_guarantees',
  退役军人: 'veteran',
  留守儿童: 'left_behind_child',
  大病: 'serious_illness',
};
const ORG_KINDS: Record<string, string> = {
  机关工委: 'supervisor',
  组织部: 'supervisor',
  街道党工委: 'street',
  社区党委: 'community',
  社区党总支: 'community',
  社区党支部: 'community',
  网格党支部: 'grid_branch',
  楼栋党小组: 'building_group',
  单位党组织: 'unit',
  党建联盟: 'alliance',
};
const SECTORS: Record<string, string> = {
  机关: 'agency',
  事业单位: 'institution',
  国有企业: 'state_enterprise',
  国企: 'state_enterprise',
  非公企业: 'private_enterprise',
  民营企业: 'private_enterprise',
  学校: 'school',
  医院: 'hospital',
  社会组织: 'social_organization',
  其他: 'other',
};
const LIST_SPLIT = /[、,，;；\s]+/;

// ---------- column specs ----------

interface Column {
  header: string;
  required?: boolean;
  example: string;
  note: string;
}

export const COLUMNS: Record<ImportKind, Column[]> = {
  members: [
    { header: '姓名', required: true, example: '张建军', note: '必填' },
    { header: '性别', example: '男', note: '男 / 女；可不填，按身份证号推出' },
    { header: '出生日期', example: '1985-06-15', note: '如 1985-06-15；可不填，按身份证号推出' },
    { header: '手机号', example: '13812345678', note: '11 位手机号' },
    { header: '身份证号', example: makeIdNumber('330102', '1985-06-15', 123), note: '18 位；请把本列设为文本格式，以免末几位变成 0' },
    { header: '是否党员', example: '是', note: '是 / 否，默认是' },
    { header: '入党日期', example: '2008-07-01', note: '' },
    { header: '工作单位', example: '临江市税务局机关党支部', note: '单位党组织的全称，须已在系统中' },
    { header: '居住社区', example: '幸福社区', note: '社区或村的名称，须已在系统中；工作单位与居住社区至少填一项' },
    { header: '网格', example: '幸福社区第一网格', note: '居住社区内的网格' },
    { header: '楼栋', example: '1号楼', note: '网格内的楼栋' },
    { header: '技能特长', example: '法律咨询、摄影', note: '多项用顿号或逗号分开' },
    { header: '状态', example: '在册', note: '在册 / 已转出 / 已故 / 已离开，默认在册' },
  ],
  households: [
    { header: '社区', required: true, example: '幸福社区', note: '必填，社区或村的名称' },
    { header: '网格', example: '幸福社区第一网格', note: '' },
    { header: '楼栋', example: '1号楼', note: '' },
    { header: '单元', example: '2', note: '' },
    { header: '房号', example: '301', note: '' },
    { header: '户主姓名', required: true, example: '李秀兰', note: '必填' },
    { header: '户主手机号', example: '13912345678', note: '' },
    { header: '户主身份证号', example: makeIdNumber('330102', '1952-03-04', 122), note: '请把本列设为文本格式' },
    { header: '家庭人数', example: '2', note: '1–50，默认 1' },
    { header: '困难标签', example: '空巢老人、低保', note: `可选：${Object.keys(TAGS).join('、')}；填写即覆盖原标签，核实日期记为导入当天` },
    { header: '党员中心户', example: '否', note: '是 / 否' },
    { header: '备注', example: '', note: '' },
  ],
  organizations: [
    { header: '组织名称', required: true, example: '临江市自然资源局机关党支部', note: '必填，全称' },
    { header: '组织类型', required: true, example: '单位党组织', note: Object.keys(ORG_KINDS).join(' / ') },
    { header: '上级组织', example: '临江市直机关工委', note: '须已在系统中，或在本表更靠前的行' },
    { header: '所在区域', example: '临江市', note: '市、区、街道或社区的名称' },
    { header: '行业类别', example: '机关', note: Object.keys(SECTORS).join(' / ') },
    { header: '优势特长', example: '法律、建设', note: '多项用顿号分开' },
    { header: '书记', example: '王志刚', note: '' },
    { header: '联络员', example: '周敏', note: '' },
    { header: '联系电话', example: '13700000000', note: '' },
    { header: '地址', example: '临江市人民路 1 号', note: '' },
    { header: '组织代码', example: '', note: '有统一代码时填写，用于再次导入时对应' },
  ],
  regions: REGION_COLUMNS.map((c) => ({ ...c })),
};

export const IMPORT_PERMISSION: Record<ImportKind, 'directory.member.write' | 'directory.household.write' | 'directory.organization.write' | 'directory.region.write'> = {
  members: 'directory.member.write',
  households: 'directory.household.write',
  organizations: 'directory.organization.write',
  regions: 'directory.region.write',
};

export async function importTemplate(kind: ImportKind): Promise<Buffer> {
  const cols = COLUMNS[kind];
  return writeSheet(
    { members: '党员', households: '住户', organizations: '组织', regions: '区域' }[kind],
    cols.map((c) => ({ header: c.required ? `${c.header}*` : c.header, note: c.note || undefined })),
    [cols.map((c) => c.example)],
    cols.map((c) => [c.header, `${c.required ? '必填。' : ''}${c.note}`]),
  );
}

// ---------- parsing helpers ----------

class RowErrors {
  list: ImportError[] = [];
  constructor(readonly row: number) {}
  add(column: string | null, code: string, message: string) {
    this.list.push({ row: this.row, column, code, message });
  }
}

function parseDate(text: string, column: string, errs: RowErrors): string | null | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) {
    errs.add(column, 'DATE_INVALID', `“${text}”不是日期（应如 1985-06-15）`);
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || date.getTime() > Date.now()) {
    errs.add(column, 'DATE_INVALID', `“${text}”不是有效日期`);
    return null;
  }
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseEnum<T>(text: string, map: Record<string, T>, column: string, errs: RowErrors): T | undefined {
  if (!text) return undefined;
  const v = map[text];
  if (v === undefined) errs.add(column, 'VALUE_INVALID', `“${text}”不是可选值（${Object.keys(map).slice(0, 8).join('、')}）`);
  return v;
}

function parsePhone(text: string, column: string, errs: RowErrors) {
  if (!text) return undefined;
  if (!isMobilePhone(text)) {
    // Masked: a mistyped number is still someone's number, and errors are kept in the batch (docs/data-protection.md).
    errs.add(column, 'PHONE_INVALID', `“${maskPhone(text) || '…'}”不是 11 位手机号`);
    return undefined;
  }
  return normalizePhone(text);
}

function parseIdNumber(row: SheetRow, column: string, errs: RowErrors) {
  const text = row.values[column] ?? '';
  if (!text) return undefined;
  if (row.imprecise.includes(column)) {
    errs.add(column, 'ID_NUMBER_AS_NUMBER', '身份证号被存成了数字，末几位已丢失；请把该列设为文本后重新填写');
    return undefined;
  }
  const problem = checkIdNumber(text);
  if (problem) {
    errs.add(column, 'ID_NUMBER_INVALID', { format: '身份证号应为 18 位', birth_date: '身份证号中的出生日期无效', checksum: '身份证号校验位不对' }[problem]);
    return undefined;
  }
  return text.toUpperCase();
}

function text(row: SheetRow, column: string, errs: RowErrors, max: number, required = false): string | undefined {
  const v = row.values[column] ?? '';
  if (!v) {
    if (required) errs.add(column, 'REQUIRED', `“${column}”必填`);
    return undefined;
  }
  if ([...v].length > max) {
    errs.add(column, 'TOO_LONG', `“${column}”最多 ${max} 个字`);
    return undefined;
  }
  return v;
}

// ---------- places for name lookups ----------

interface Place {
  id: string;
  path: string;
  name: string;
  kind: string;
  parent_id: string | null;
}

async function loadPlaces(db: Kysely<DB>) {
  const regions = await db.selectFrom('region').select(['id', 'path', 'name', 'kind', 'parent_id']).execute();
  const orgs = await db
    .selectFrom('organization as o')
    .leftJoin('region as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.path', 'o.name', 'o.kind', 'o.code', 'o.region_id', 'r.path as region_path'])
    .execute();
  const byName = <T extends { name: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) m.set(x.name, [...(m.get(x.name) ?? []), x]);
    return m;
  };
  return {
    communities: byName(regions.filter((r) => r.kind === 'community')),
    regionsByName: byName(regions),
    childByName: (parent: Place, name: string, kind: string) => regions.find((r) => r.kind === kind && r.name === name && r.path.startsWith(parent.path)),
    units: byName(orgs.filter((o) => o.kind === 'unit')),
    orgsByName: byName(orgs),
    orgsByCode: new Map(orgs.filter((o) => o.code).map((o) => [o.code as string, o])),
  };
}

type Places = Awaited<ReturnType<typeof loadPlaces>>;

function pickOne<T>(list: T[] | undefined, column: string, value: string, what: string, errs: RowErrors): T | undefined {
  if (!list?.length) {
    errs.add(column, 'NOT_FOUND', `找不到${what}“${value}”`);
    return undefined;
  }
  if (list.length > 1) {
    errs.add(column, 'AMBIGUOUS', `有 ${list.length} 个${what}叫“${value}”，请改用全称`);
    return undefined;
  }
  return list[0];
}

// ---------- row validation per kind ----------

interface Planned {
  row: number;
  key: string;
  /** Column values to write (personal data sealed). */
  values: Record<string, unknown>;
  tags?: Array<{ tag: string; verified_on: string }> | null;
  /** For organisations: the parent given by name when it is an earlier row of the file. */
  parentName?: string | null;
  preview: Record<string, string>;
}

const EMPLOYER_COLUMNS = ['employer_org_id'];
const RESIDENCE_COLUMNS = ['residence_region_id', 'grid_region_id', 'building_region_id'];
const SIDE_COLUMN: Record<MemberSide, string> = { employer: '工作单位', residence: '居住社区' };

function touchedSides(values: Record<string, unknown>): MemberSide[] {
  const sides: MemberSide[] = [];
  if (EMPLOYER_COLUMNS.some((c) => values[c] !== undefined)) sides.push('employer');
  if (RESIDENCE_COLUMNS.some((c) => values[c] !== undefined)) sides.push('residence');
  return sides;
}

function memberRow(ctx: AppContext, principal: Principal, places: Places, row: SheetRow, errs: RowErrors): Planned | null {
  const v: Record<string, unknown> = {};
  const name = text(row, '姓名', errs, 50, true);
  if (name) Object.assign(v, { name, name_initials: nameInitials(name) });
  const gender = parseEnum(row.values['性别'] ?? '', GENDER, '性别', errs);
  const birth = parseDate(row.values['出生日期'] ?? '', '出生日期', errs);
  const phone = parsePhone(row.values['手机号'] ?? '', '手机号', errs);
  const id = parseIdNumber(row, '身份证号', errs);
  if (id && gender && idGender(id) !== gender) errs.add('性别', 'GENDER_MISMATCH', '性别与身份证号不符');
  if (id && birth && idBirthDate(id) !== birth) errs.add('出生日期', 'BIRTH_DATE_MISMATCH', '出生日期与身份证号不符');
  if (gender ?? id) v.gender = gender ?? idGender(id!);
  if (birth ?? id) v.birth_date = birth ?? idBirthDate(id!);
  if (phone) {
    const s = sealPhone(ctx.cipher, phone);
    Object.assign(v, { phone_encrypted: s.encrypted, phone_hash: s.hash, phone_masked: s.masked, phone_tail: s.tail });
  }
  if (id) {
    const s = sealIdNumber(ctx.cipher, id);
    Object.assign(v, { id_number_encrypted: s.encrypted, id_number_hash: s.hash, id_number_masked: s.masked, id_tail: s.tail, id_last6_hash: s.last6Hash });
  }
  const party = parseEnum(row.values['是否党员'] ?? '', YES_NO, '是否党员', errs);
  if (party !== undefined) v.is_party_member = party;
  const joined = parseDate(row.values['入党日期'] ?? '', '入党日期', errs);
  if (joined) v.party_joined_on = joined;
  const status = parseEnum(row.values['状态'] ?? '', STATUS, '状态', errs);
  if (status) v.status = status;
  const skills = row.values['技能特长'];
  if (skills) v.skills = [...new Set(skills.split(LIST_SPLIT).filter(Boolean))].slice(0, 20);

  let employerPath: string | null = null;
  let residencePath: string | null = null;
  const unitName = row.values['工作单位'];
  if (unitName) {
    const unit = pickOne(places.units.get(unitName), '工作单位', unitName, '单位党组织', errs);
    if (unit) {
      v.employer_org_id = unit.id;
      employerPath = unit.path;
    }
  }
  const communityName = row.values['居住社区'];
  if (communityName) {
    const community = pickOne(places.communities.get(communityName), '居住社区', communityName, '社区', errs);
    if (community) {
      v.residence_region_id = community.id;
      residencePath = community.path;
      const gridName = row.values['网格'];
      const grid = gridName ? places.childByName(community, gridName, 'grid') : undefined;
      if (gridName && !grid) errs.add('网格', 'NOT_FOUND', `${communityName}没有网格“${gridName}”`);
      if (grid) v.grid_region_id = grid.id;
      const buildingName = row.values['楼栋'];
      const building = buildingName ? places.childByName(grid ?? community, buildingName, 'building') : undefined;
      if (buildingName && !building) errs.add('楼栋', 'NOT_FOUND', `${grid?.name ?? communityName}没有楼栋“${buildingName}”`);
      if (building) v.building_region_id = building.id;
    }
  } else if (row.values['网格'] || row.values['楼栋']) {
    errs.add('居住社区', 'REQUIRED', '填了网格或楼栋时，居住社区必填');
  }
  if (!unitName && !communityName) errs.add('工作单位', 'REQUIRED', '工作单位与居住社区至少填一项');
  if (!id && !phone && errs.list.length === 0) errs.add('身份证号', 'REQUIRED', '身份证号与手机号至少填一项，再次导入时才能对应到同一个人');
  if (errs.list.length === 0) {
    // The API's side rule: each side the row sets must be one the importer may change.
    const sides = writableSides(principal, { residencePath, employerPath });
    if (sides.size === 0) errs.add(unitName ? '工作单位' : '居住社区', 'OUT_OF_SCOPE', '这一行的单位和社区都不在您的管理范围内');
    else {
      for (const side of touchedSides(v)) {
        if (!sides.has(side)) errs.add(SIDE_COLUMN[side], 'OUT_OF_SCOPE', side === 'employer' ? '您不能设置工作单位一侧的信息' : '您不能设置居住一侧的信息');
      }
    }
  }
  if (errs.list.length > 0) return null;
  const key = id ? `id:${v.id_number_hash}` : phone ? `phone:${v.phone_hash}:${name}` : `name:${name}:${communityName ?? ''}:${unitName ?? ''}`;
  return {
    row: row.row,
    key,
    values: v,
    preview: { ...row.values, ...(phone ? { 手机号: maskPhone(phone) } : {}), ...(id ? { 身份证号: maskIdNumber(id) } : {}) },
  };
}

function householdRow(ctx: AppContext, principal: Principal, places: Places, row: SheetRow, errs: RowErrors): Planned | null {
  const v: Record<string, unknown> = {};
  const communityName = text(row, '社区', errs, 100, true);
  let community: Place | undefined;
  if (communityName) {
    community = pickOne(places.communities.get(communityName), '社区', communityName, '社区', errs);
    if (community) {
      v.community_id = community.id;
      const gridName = row.values['网格'];
      const grid = gridName ? places.childByName(community, gridName, 'grid') : undefined;
      if (gridName && !grid) errs.add('网格', 'NOT_FOUND', `${communityName}没有网格“${gridName}”`);
      v.grid_id = grid?.id ?? null;
      const buildingName = row.values['楼栋'];
      const building = buildingName ? places.childByName(grid ?? community, buildingName, 'building') : undefined;
      if (buildingName && !building) errs.add('楼栋', 'NOT_FOUND', `${grid?.name ?? communityName}没有楼栋“${buildingName}”`);
      v.building_id = building?.id ?? null;
    }
  }
  v.unit_no = text(row, '单元', errs, 20) ?? null;
  v.room = text(row, '房号', errs, 20) ?? null;
  const head = text(row, '户主姓名', errs, 50, true);
  if (head) Object.assign(v, { head_name: head, head_name_initials: nameInitials(head) });
  const phone = parsePhone(row.values['户主手机号'] ?? '', '户主手机号', errs);
  if (phone) {
    const s = sealPhone(ctx.cipher, phone);
    Object.assign(v, { head_phone_encrypted: s.encrypted, head_phone_hash: s.hash, head_phone_masked: s.masked, head_phone_tail: s.tail });
  }
  const id = parseIdNumber(row, '户主身份证号', errs);
  if (id) {
    const s = sealIdNumber(ctx.cipher, id);
    Object.assign(v, { head_id_number_encrypted: s.encrypted, head_id_number_hash: s.hash, head_id_number_masked: s.masked, head_id_last6_hash: s.last6Hash });
  }
  const count = row.values['家庭人数'];
  if (count) {
    if (!/^\d{1,2}$/.test(count) || Number(count) < 1 || Number(count) > 50) errs.add('家庭人数', 'VALUE_INVALID', '家庭人数应为 1–50 的整数');
    else v.people_count = Number(count);
  }
  const lead = parseEnum(row.values['党员中心户'] ?? '', YES_NO, '党员中心户', errs);
  if (lead !== undefined) v.is_lead_household = lead;
  const notes = text(row, '备注', errs, 500);
  if (notes) v.notes = notes;
  let tags: Planned['tags'] = null;
  const tagText = row.values['困难标签'];
  if (tagText) {
    const today = new Date().toISOString().slice(0, 10);
    tags = [];
    for (const t of [...new Set(tagText.split(LIST_SPLIT).filter(Boolean))]) {
      const tag = TAGS[t];
      if (!tag) errs.add('困难标签', 'VALUE_INVALID', `“${t}”不是可选标签（${Object.keys(TAGS).join('、')}）`);
      else tags.push({ tag, verified_on: today });
    }
  }
  if (errs.list.length === 0 && community) {
    try {
      assertRegionInReach(principal, 'directory.household.write', community.path);
    } catch {
      errs.add('社区', 'OUT_OF_SCOPE', `${communityName}不在您的管理范围内`);
    }
  }
  if (errs.list.length > 0) return null;
  const key = id ? `id:${v.head_id_number_hash}` : phone ? `phone:${v.head_phone_hash}:${head}` : `addr:${v.community_id}:${v.building_id ?? ''}:${v.unit_no ?? ''}:${v.room ?? ''}:${head}`;
  return {
    row: row.row,
    key,
    values: v,
    tags,
    preview: { ...row.values, ...(phone ? { 户主手机号: maskPhone(phone) } : {}), ...(id ? { 户主身份证号: maskIdNumber(id) } : {}) },
  };
}

function organizationRow(ctx: AppContext, principal: Principal, places: Places, row: SheetRow, errs: RowErrors, earlierNames: Set<string>): Planned | null {
  const v: Record<string, unknown> = {};
  const name = text(row, '组织名称', errs, 200, true);
  if (name) v.name = name;
  const kindText = text(row, '组织类型', errs, 20, true);
  const kind = kindText ? parseEnum(kindText, ORG_KINDS, '组织类型', errs) : undefined;
  if (kind) v.kind = kind;
  const sector = parseEnum(row.values['行业类别'] ?? '', SECTORS, '行业类别', errs);
  if (sector) v.sector = sector;
  const strengths = row.values['优势特长'];
  if (strengths) v.strengths = [...new Set(strengths.split(LIST_SPLIT).filter(Boolean))].slice(0, 20);
  for (const [col, key] of [
    ['书记', 'secretary_name'],
    ['联络员', 'liaison_name'],
  ] as const) {
    const t = text(row, col, errs, 50);
    if (t) v[key] = t;
  }
  const address = text(row, '地址', errs, 200);
  if (address) v.address = address;
  const phone = parsePhone(row.values['联系电话'] ?? '', '联系电话', errs);
  if (phone) {
    const s = sealPhone(ctx.cipher, phone);
    Object.assign(v, { contact_phone_encrypted: s.encrypted, contact_phone_masked: s.masked });
  }
  const code = text(row, '组织代码', errs, 50);
  if (code) v.code = code;
  let regionPath: string | null = null;
  const regionName = row.values['所在区域'];
  if (regionName) {
    const r = pickOne(places.regionsByName.get(regionName), '所在区域', regionName, '区域', errs);
    if (r) {
      v.region_id = r.id;
      regionPath = r.path;
    }
  }
  let parentName: string | null = null;
  const parentText = row.values['上级组织'];
  let parentPath: string | null = null;
  if (parentText) {
    const existing = places.orgsByName.get(parentText);
    if (existing?.length === 1) {
      v.parent_id = existing[0]!.id;
      parentPath = existing[0]!.path;
      // Without a region of its own, the organisation sits where its parent sits.
      if (!regionName) {
        v.region_id = existing[0]!.region_id;
        regionPath = existing[0]!.region_path;
      }
    } else if (earlierNames.has(parentText)) parentName = parentText;
    else pickOne(existing, '上级组织', parentText, '组织', errs);
  }
  if (errs.list.length === 0) {
    try {
      if (parentPath) assertOrgInReach(principal, 'directory.organization.write', { orgPath: parentPath, regionPath });
      else if (regionPath) assertRegionInReach(principal, 'directory.organization.write', regionPath);
      else if (!parentName) assertOrgInReach(principal, 'directory.organization.write', { orgPath: '/', regionPath: null });
    } catch {
      errs.add(parentText ? '上级组织' : '所在区域', 'OUT_OF_SCOPE', '这个组织不在您的管理范围内');
    }
  }
  if (errs.list.length > 0) return null;
  return { row: row.row, key: code ? `code:${code}` : `name:${name}`, values: v, parentName, preview: { ...row.values, ...(phone ? { 联系电话: maskPhone(phone) } : {}) } };
}

// ---------- matching existing records ----------

type Action = 'create' | 'update' | 'unchanged';
interface Matched extends Planned {
  action: Action;
  targetId: string | null;
}

const COMPARE_SKIP = /(_encrypted|_masked)$/;

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify([...((a as unknown[]) ?? [])].sort()) === JSON.stringify([...((b as unknown[]) ?? [])].sort());
  if (a instanceof Date) return a.toISOString().slice(0, 10) === String(b);
  return (a ?? null) === (b ?? null);
}

function decide(p: Planned, existing: Record<string, unknown> | undefined, existingTags?: string[]): Matched {
  if (!existing) return { ...p, action: 'create', targetId: null };
  const changed = Object.entries(p.values).some(([k, v]) => !COMPARE_SKIP.test(k) && !sameValue(existing[k], v));
  const tagsChanged = p.tags != null && JSON.stringify(p.tags.map((t) => t.tag).sort()) !== JSON.stringify([...(existingTags ?? [])].sort());
  return { ...p, action: changed || tagsChanged ? 'update' : 'unchanged', targetId: existing.id as string };
}

async function refusedUpdates(ctx: AppContext, principal: Principal, kind: ImportKind, rows: Matched[]): Promise<Map<number, Omit<ImportError, 'row'>>> {
  const refused = new Map<number, Omit<ImportError, 'row'>>();
  const targets = rows.filter((r) => r.targetId !== null);
  if (targets.length === 0) return refused;
  const ids = targets.map((r) => r.targetId as string);
  if (kind === 'members') {
    const places = await chunked(ids, 1000, (c) =>
      ctx.db
        .selectFrom('member as m')
        .leftJoin('region as rr', 'rr.id', 'm.residence_region_id')
        .leftJoin('organization as eo', 'eo.id', 'm.employer_org_id')
        .select(['m.id', 'rr.path as residence_path', 'eo.path as employer_path'])
        .where('m.id', 'in', c)
        .execute(),
    );
    for (const r of targets) {
      const p = places.find((x) => x.id === r.targetId);
      const sides = writableSides(principal, { residencePath: p?.residence_path ?? null, employerPath: p?.employer_path ?? null });
      const missing = touchedSides(r.values).filter((side) => !sides.has(side));
      if (sides.size === 0) refused.set(r.row, { column: '身份证号', code: 'OUT_OF_SCOPE', message: '这个人已在系统中，但不在您的管理范围内' });
      else if (missing.length) refused.set(r.row, { column: SIDE_COLUMN[missing[0]!], code: 'OUT_OF_SCOPE', message: '这个人的这一侧信息不由您维护' });
    }
  } else if (kind === 'households') {
    const reach = directoryReach(principal, 'directory.household.write');
    const homes = await chunked(ids, 1000, (c) =>
      ctx.db.selectFrom('household as h').innerJoin('region as hc', 'hc.id', 'h.community_id').select(['h.id', 'hc.path']).where('h.id', 'in', c).execute(),
    );
    for (const r of targets) {
      const path = homes.find((x) => x.id === r.targetId)?.path ?? '';
      if (!reach.all && !reach.regionPaths.some((p) => path.startsWith(p))) refused.set(r.row, { column: '户主身份证号', code: 'OUT_OF_SCOPE', message: '这一户已在系统中，但不在您的管理范围内' });
    }
  } else {
    const orgs = await chunked(ids, 1000, (c) =>
      ctx.db.selectFrom('organization as o').leftJoin('region as r', 'r.id', 'o.region_id').select(['o.id', 'o.path', 'r.path as region_path']).where('o.id', 'in', c).execute(),
    );
    for (const r of targets) {
      const o = orgs.find((x) => x.id === r.targetId);
      try {
        assertOrgInReach(principal, 'directory.organization.write', { orgPath: o?.path ?? '-', regionPath: o?.region_path ?? null });
      } catch {
        refused.set(r.row, { column: '组织名称', code: 'OUT_OF_SCOPE', message: '这个组织已在系统中，但不在您的管理范围内' });
      }
    }
  }
  return refused;
}

async function chunked<T, R>(items: T[], size: number, fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await fn(items.slice(i, i + size))));
  return out;
}

async function matchMembers(db: Kysely<DB>, planned: Planned[]): Promise<Matched[]> {
  const idHashes = planned.map((p) => p.values.id_number_hash).filter((x): x is string => typeof x === 'string');
  const phoneHashes = planned.filter((p) => !p.values.id_number_hash).map((p) => p.values.phone_hash).filter((x): x is string => typeof x === 'string');
  const byId = await chunked(idHashes, 1000, (c) => db.selectFrom('member').selectAll().where('id_number_hash', 'in', c).execute());
  const byPhone = await chunked(phoneHashes, 1000, (c) => db.selectFrom('member').selectAll().where('phone_hash', 'in', c).execute());
  return planned.map((p) => {
    const existing = p.values.id_number_hash
      ? byId.find((m) => m.id_number_hash === p.values.id_number_hash)
      : byPhone.find((m) => m.phone_hash === p.values.phone_hash && m.name === p.values.name);
    return decide(p, existing as Record<string, unknown> | undefined);
  });
}

async function matchHouseholds(db: Kysely<DB>, planned: Planned[]): Promise<Matched[]> {
  const communityIds = [...new Set(planned.map((p) => p.values.community_id as string))];
  const existing = await chunked(communityIds, 200, (c) => db.selectFrom('household').selectAll().where('community_id', 'in', c).execute());
  const idIndex = new Map(existing.filter((h) => h.head_id_number_hash).map((h) => [h.head_id_number_hash, h]));
  const phoneIndex = new Map(existing.filter((h) => h.head_phone_hash).map((h) => [`${h.head_phone_hash}:${h.head_name}`, h]));
  const addrIndex = new Map(existing.map((h) => [`${h.community_id}:${h.building_id ?? ''}:${h.unit_no ?? ''}:${h.room ?? ''}:${h.head_name}`, h]));
  // Households keyed by ID number may live in another community than the sheet says (they moved).
  const missingIds = planned.map((p) => p.values.head_id_number_hash as string | undefined).filter((x): x is string => !!x && !idIndex.has(x));
  for (const h of await chunked(missingIds, 1000, (c) => db.selectFrom('household').selectAll().where('head_id_number_hash', 'in', c).execute())) idIndex.set(h.head_id_number_hash, h);
  const matchedIds = existing.map((h) => h.id);
  const tags = await chunked(matchedIds, 1000, (c) => db.selectFrom('household_tag').select(['household_id', 'tag']).where('household_id', 'in', c).execute());
  return planned.map((p) => {
    const v = p.values;
    const h =
      (v.head_id_number_hash ? idIndex.get(v.head_id_number_hash as string) : undefined) ??
      (v.head_phone_hash ? phoneIndex.get(`${v.head_phone_hash}:${v.head_name}`) : undefined) ??
      addrIndex.get(`${v.community_id}:${v.building_id ?? ''}:${v.unit_no ?? ''}:${v.room ?? ''}:${v.head_name}`);
    return decide(p, h as Record<string, unknown> | undefined, h ? tags.filter((t) => t.household_id === h.id).map((t) => t.tag) : undefined);
  });
}

async function matchOrganizations(db: Kysely<DB>, planned: Planned[], places: Places | null): Promise<Matched[]> {
  const all = await db.selectFrom('organization').selectAll().execute();
  return planned.map((p) => {
    const code = p.values.code as string | undefined;
    const existing = code ? all.find((o) => o.code === code) : all.filter((o) => o.name === p.values.name).length === 1 ? all.find((o) => o.name === p.values.name) : undefined;
    void places;
    return decide(p, existing as Record<string, unknown> | undefined);
  });
}

// ---------- the batch ----------

const PREVIEW_ROWS = 20;
const MAX_ERRORS_KEPT = 2000;

function toReport(b: {
  id: string;
  kind: ImportKind;
  file_name: string;
  status: 'validated' | 'committed' | 'discarded';
  total_rows: number;
  valid_rows: number;
  error_rows: number;
  errors: unknown;
  rows: unknown;
  result: unknown;
  created_at: Date;
  committed_at: Date | null;
}): ImportReport {
  const rows = (b.rows ?? []) as Array<Matched>;
  const count = (a: Action) => rows.filter((r) => r.action === a).length;
  const result = (b.result ?? null) as { created: number; updated: number; unchanged: number } | null;
  return {
    batchId: b.id,
    kind: b.kind,
    fileName: b.file_name,
    status: b.status,
    totalRows: b.total_rows,
    validRows: b.valid_rows,
    errorRows: b.error_rows,
    toCreate: result?.created ?? count('create'),
    toUpdate: result?.updated ?? count('update'),
    unchanged: result?.unchanged ?? count('unchanged'),
    errors: (b.errors ?? []) as ImportError[],
    preview: rows.slice(0, PREVIEW_ROWS).map((r) => ({ 行: r.row, 操作: { create: '新增', update: '更新', unchanged: '不变' }[r.action], ...r.preview })),
    createdAt: b.created_at.toISOString(),
    committedAt: b.committed_at?.toISOString() ?? null,
  };
}

export function assertCanImport(principal: Principal, kind: ImportKind): void {
  if (!can(principal, IMPORT_PERMISSION[kind])) throw forbidden('You cannot import this kind of record', { permission: IMPORT_PERMISSION[kind] });
}

interface Checked {
  matched: Matched[];
  errors: ImportError[];
  errorRows: number;
}

/** Members, households and organisations: every row checked, matched to existing records, and refused where the importer may not change them. */
async function checkRows(ctx: AppContext, principal: Principal, kind: Exclude<ImportKind, 'regions'>, rows: SheetRow[]): Promise<Checked> {
  const places = await loadPlaces(ctx.db);
  const errors: ImportError[] = [];
  const planned: Planned[] = [];
  const seen = new Map<string, number>();
  const earlierNames = new Set<string>();
  let errorRows = 0;
  for (const row of rows) {
    const errs = new RowErrors(row.row);
    const p =
      kind === 'members'
        ? memberRow(ctx, principal, places, row, errs)
        : kind === 'households'
          ? householdRow(ctx, principal, places, row, errs)
          : organizationRow(ctx, principal, places, row, errs, earlierNames);
    if (p) {
      const first = seen.get(p.key);
      if (first !== undefined) errs.add(null, 'DUPLICATE_ROW', `与第 ${first} 行重复`);
      else seen.set(p.key, p.row);
    }
    if (errs.list.length > 0 || !p) {
      errorRows++;
      errors.push(...errs.list);
      continue;
    }
    if (kind === 'organizations') earlierNames.add(p.values.name as string);
    planned.push(p);
  }
  const found =
    kind === 'members' ? await matchMembers(ctx.db, planned) : kind === 'households' ? await matchHouseholds(ctx.db, planned) : await matchOrganizations(ctx.db, planned, places);
  // A row that matches an existing record changes that record: the importer must reach it, as the API requires.
  const refused = await refusedUpdates(ctx, principal, kind, found);
  const matched = found.filter((m) => !refused.has(m.row));
  for (const [row, e] of refused) errors.push({ row, ...e });
  errorRows += refused.size;
  errors.sort((a, b) => a.row - b.row);
  return { matched, errors, errorRows };
}

/** Regions: see region-import.ts. The rows keep the same report shape as the other kinds. */
async function checkRegionRows(ctx: AppContext, principal: Principal, rows: SheetRow[]): Promise<Checked> {
  const plan = await planRegionRows(ctx.db, principal, rows);
  const { matched, refused } = await matchRegionRows(ctx.db, plan.planned);
  const errors = [...plan.errors, ...refused].sort((a, b) => a.row - b.row);
  return { matched: matched as unknown as Matched[], errors, errorRows: plan.errorRows + refused.length };
}

export async function validateImport(
  ctx: AppContext,
  principal: Principal,
  kind: ImportKind,
  fileName: string,
  data: Buffer,
  actor: AuditActor,
): Promise<ImportReport> {
  assertCanImport(principal, kind);
  const sheet = await readSheet(data);
  const columns = COLUMNS[kind];
  const missing = columns.filter((c) => c.required && !sheet.headers.includes(c.header));
  if (missing.length) {
    throw new AppError('IMPORT_HEADERS_MISSING', 400, `The sheet lacks the required columns: ${missing.map((c) => c.header).join(', ')}. Download the template.`, {
      missing: missing.map((c) => c.header),
      expected: columns.map((c) => c.header),
    });
  }
  const { matched, errors, errorRows } = kind === 'regions' ? await checkRegionRows(ctx, principal, sheet.rows) : await checkRows(ctx, principal, kind, sheet.rows);
  const batch = await ctx.db.transaction().execute(async (trx) => {
    const b = await trx
      .insertInto('import_batch')
      .values({
        kind,
        file_name: fileName.slice(0, 200),
        file_hash: createHash('sha256').update(data).digest('hex'),
        total_rows: sheet.rows.length,
        valid_rows: matched.length,
        error_rows: errorRows,
        errors: JSON.stringify(errors.slice(0, MAX_ERRORS_KEPT)),
        rows: JSON.stringify(matched),
        created_by: principal.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'import.validate',
      entityType: 'import_batch',
      entityId: b.id,
      after: { kind, fileName, totalRows: sheet.rows.length, validRows: matched.length, errorRows },
    });
    return b;
  });
  return toReport(batch);
}

async function loadBatch(ctx: AppContext, principal: Principal, id: string) {
  const b = await ctx.db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
  // A batch is its creator's (or a system administrator's); others do not see it.
  if (!b || (b.created_by !== principal.userId && !principal.assignments.some((a) => a.role === 'system_admin'))) throw notFound('import');
  return b;
}

export async function getImport(ctx: AppContext, principal: Principal, id: string): Promise<ImportReport> {
  return toReport(await loadBatch(ctx, principal, id));
}

export async function listImports(ctx: AppContext, principal: Principal): Promise<ImportReport[]> {
  const rows = await ctx.db
    .selectFrom('import_batch')
    .select(['id', 'kind', 'file_name', 'status', 'total_rows', 'valid_rows', 'error_rows', 'result', 'created_at', 'committed_at'])
    .where('created_by', '=', principal.userId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({ ...toReport({ ...r, errors: [], rows: [] }), toCreate: 0, toUpdate: 0, unchanged: 0, ...resultCounts(r.result) }));
}

function resultCounts(result: unknown) {
  const r = result as { created: number; updated: number; unchanged: number } | null;
  return r ? { toCreate: r.created, toUpdate: r.updated, unchanged: r.unchanged } : {};
}

const INSERT_CHUNK = 500;

type Moved = Array<{ memberId: string; from: string | null; to: string | null }>;

async function applyRows(trx: Transaction<DB>, kind: ImportKind, rows: Matched[], principalId: string, onProgress: (done: number) => void): Promise<Moved> {
  let done = 0;
  const moved: Moved = [];
  const creates = rows.filter((r) => r.action === 'create');
  const updates = rows.filter((r) => r.action === 'update');
  if (kind === 'regions') {
    // Find-or-create by name under each parent: a place another import added meanwhile is reused.
    await applyRegionRows(trx, rows as unknown as RegionMatched[], principalId, onProgress);
  } else if (kind === 'members') {
    for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
      const chunk = creates.slice(i, i + INSERT_CHUNK);
      await trx
        .insertInto('member')
        .values(chunk.map((r) => r.values as never))
        .onConflict((oc) => oc.column('id_number_hash').where('id_number_hash', 'is not', null).doNothing())
        .execute();
      onProgress((done += chunk.length));
    }
    for (const r of updates) {
      const before = r.values.residence_region_id !== undefined ? await trx.selectFrom('member').select('residence_region_id').where('id', '=', r.targetId!).executeTakeFirst() : undefined;
      await trx.updateTable('member').set({ ...r.values, updated_at: sql`now()` } as never).where('id', '=', r.targetId!).execute();
      if (before && before.residence_region_id !== r.values.residence_region_id) moved.push({ memberId: r.targetId!, from: before.residence_region_id, to: (r.values.residence_region_id as string | null) ?? null });
      onProgress(++done);
    }
  } else if (kind === 'households') {
    for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
      const chunk = creates.slice(i, i + INSERT_CHUNK);
      const inserted = await trx
        .insertInto('household')
        .values(chunk.map((r) => r.values as never))
        .returning('id')
        .execute();
      const tags = chunk.flatMap((r, j) => (r.tags ?? []).map((t) => ({ household_id: inserted[j]!.id, tag: t.tag as never, verified_on: t.verified_on, verified_by: principalId })));
      if (tags.length) await trx.insertInto('household_tag').values(tags).execute();
      onProgress((done += chunk.length));
    }
    for (const r of updates) {
      await trx.updateTable('household').set({ ...r.values, updated_at: sql`now()` } as never).where('id', '=', r.targetId!).execute();
      if (r.tags) {
        await trx.deleteFrom('household_tag').where('household_id', '=', r.targetId!).execute();
        if (r.tags.length) await trx.insertInto('household_tag').values(r.tags.map((t) => ({ household_id: r.targetId!, tag: t.tag as never, verified_on: t.verified_on, verified_by: principalId }))).execute();
      }
      onProgress(++done);
    }
  } else {
    const created = new Map<string, { id: string; path: string }>();
    for (const r of rows) {
      if (r.action === 'unchanged') continue;
      if (r.action === 'update') {
        await trx.updateTable('organization').set({ ...r.values, updated_at: sql`now()` } as never).where('id', '=', r.targetId!).execute();
      } else {
        const parent = r.parentName
          ? created.get(r.parentName)
          : r.values.parent_id
            ? await trx.selectFrom('organization').select(['id', 'path']).where('id', '=', r.values.parent_id as string).executeTakeFirst()
            : undefined;
        const { id } = await trx.selectNoFrom(sql<string>`gen_random_uuid()`.as('id')).executeTakeFirstOrThrow();
        const path = `${parent?.path ?? '/'}${id}/`;
        await trx
          .insertInto('organization')
          .values({ ...r.values, id, parent_id: parent?.id ?? null, path } as never)
          .execute();
        created.set(r.values.name as string, { id, path });
      }
      onProgress(++done);
    }
  }
  return moved;
}

export async function commitImport(
  ctx: AppContext,
  principal: Principal,
  id: string,
  actor: AuditActor,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportReport> {
  const b = await loadBatch(ctx, principal, id);
  assertCanImport(principal, b.kind);
  if (b.status !== 'validated') throw conflict('IMPORT_NOT_PENDING', `This import is ${b.status} already`);
  const rows = (b.rows ?? []) as Matched[];
  const result = { created: rows.filter((r) => r.action === 'create').length, updated: rows.filter((r) => r.action === 'update').length, unchanged: rows.filter((r) => r.action === 'unchanged').length };
  const total = result.created + result.updated;
  const committed = await ctx.db.transaction().execute(async (trx) => {
    // Claim the batch first, so that two commits of the same batch cannot both write.
    const claimed = await trx
      .updateTable('import_batch')
      .set({ status: 'committed', committed_at: sql`now()`, result: JSON.stringify(result) })
      .where('id', '=', id)
      .where('status', '=', 'validated')
      .returningAll()
      .executeTakeFirst();
    if (!claimed) throw conflict('IMPORT_NOT_PENDING', 'This import was committed or discarded meanwhile');
    // Rows to create must still be new: another import or an edit may have added them since the check.
    const creates = b.kind === 'regions' ? [] : rows.filter((r) => r.action === 'create');
    if (creates.length) {
      const again = b.kind === 'members' ? await matchMembers(trx, creates) : b.kind === 'households' ? await matchHouseholds(trx, creates) : await matchOrganizations(trx, creates, null);
      const stale = again.filter((r) => r.action !== 'create');
      if (stale.length) {
        throw conflict('IMPORT_STALE', `${stale.length} rows to add exist already since this sheet was checked; upload it again`, { rows: stale.map((r) => r.row).slice(0, 50) });
      }
    }
    const moved = await applyRows(trx, b.kind, rows, principal.userId, (done) => onProgress(done, total));
    await writeAudit(trx, actor, { action: 'import.commit', entityType: 'import_batch', entityId: id, after: { kind: b.kind, fileName: b.file_name, ...result } });
    return { claimed, moved };
  });
  // Members the sheet moved: other modules react as to a move made by hand.
  for (const m of committed.moved) {
    await ctx.events.emit('member.residence_changed', { memberId: m.memberId, fromCommunityId: m.from, toCommunityId: m.to, actor });
  }
  return toReport(committed.claimed);
}

export async function discardImport(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<void> {
  const b = await loadBatch(ctx, principal, id);
  if (b.status !== 'validated') throw conflict('IMPORT_NOT_PENDING', `This import is ${b.status} already`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('import_batch').set({ status: 'discarded', rows: JSON.stringify([]) }).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'import.discard', entityType: 'import_batch', entityId: id, after: { kind: b.kind, fileName: b.file_name } });
  });
}
