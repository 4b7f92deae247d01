/**
 * The columns of the registration module's exports (the queue, who has not reported in, the
 * pairings, the statistics tree), worded as the zh-CN pages show them; the rows come from the
 * lists themselves (platform/export.ts), masked as on screen.
 */
import type { MissingEntry, Pairing, Registration, StatsNode } from '../../../contracts/registration';
import type { ExportColumn } from '../../platform/export';

const REGISTRATION_STATUS: Record<string, string> = { pending: '待确认', confirmed: '已确认', rejected: '已驳回', ended: '已结束' };
const KIND: Record<string, string> = { member: '党员', unit: '单位' };
const PAIRING_STATUS: Record<string, string> = { proposed: '待同意', active: '已结对', declined: '已拒绝', ended: '已解除' };
const REGION_KIND: Record<string, string> = { province: '省', city: '市', district: '区(县)', street: '街道(乡镇)', community: '社区(村)', grid: '网格', building: '楼栋', total: '合计' };
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

type Who = Pick<Registration, 'kind' | 'memberName' | 'memberPhoneMasked' | 'unitName' | 'streetName'> & { communityName: string | null };

/** Who and where: the first columns of the queue and of who has not reported in. */
const whoColumns: Array<ExportColumn<Who>> = [
  { header: '类型', value: (r) => KIND[r.kind] },
  { header: '党员', value: (r) => r.memberName },
  { header: '手机号', value: (r) => r.memberPhoneMasked },
  { header: '单位', width: 30, value: (r) => r.unitName },
  { header: '社区', value: (r) => r.communityName },
  { header: '街道', value: (r) => r.streetName },
];

export const registrationColumns: Array<ExportColumn<Registration>> = [
  ...whoColumns,
  { header: '周期', width: 20, value: (r) => r.cycleName },
  { header: '状态', value: (r) => REGISTRATION_STATUS[r.status] ?? r.status },
  { header: '更正居住地', value: (r) => r.residenceCorrection },
  { header: '报到时间', value: (r) => day(r.appliedAt) },
  { header: '确认时间', value: (r) => day(r.decidedAt) },
  { header: '报到证号', width: 16, value: (r) => r.cardNo },
  { header: '驳回理由', width: 30, value: (r) => r.rejectReason },
];

export const missingColumns: Array<ExportColumn<MissingEntry>> = whoColumns;

export const pairingColumns: Array<ExportColumn<Pairing>> = [
  { header: '单位', width: 30, value: (r) => r.unitName },
  { header: '社区(村)', value: (r) => r.communityName },
  { header: '街道', value: (r) => r.streetName },
  { header: '状态', value: (r) => PAIRING_STATUS[r.status] ?? r.status },
  { header: '协议', value: (r) => r.agreementStatus },
  { header: '单位联络员', value: (r) => r.unitLiaison },
  { header: '社区联络员', value: (r) => r.communityLiaison },
  { header: '结对时间', value: (r) => day(r.decidedAt) },
  { header: '解除时间', value: (r) => day(r.endedAt) },
  { header: '解除理由', width: 30, value: (r) => r.endReason },
];

const rate = (done: number, of: number) => (of ? `${Math.round((done / of) * 1000) / 10}%` : '');

export const statsColumns: Array<ExportColumn<StatsNode & { parentName: string | null }>> = [
  { header: '地区', width: 20, value: (r) => r.name },
  { header: '层级', value: (r) => REGION_KIND[r.kind] ?? r.kind },
  { header: '上级', width: 20, value: (r) => r.parentName },
  { header: '单位应报到', value: (r) => r.unitsExpected },
  { header: '单位已报到', value: (r) => r.unitsReported },
  { header: '单位报到率', value: (r) => rate(r.unitsReported, r.unitsExpected) },
  { header: '党员应报到', value: (r) => r.membersExpected },
  { header: '党员已报到', value: (r) => r.membersReported },
  { header: '党员报到率', value: (r) => rate(r.membersReported, r.membersExpected) },
  { header: '待确认', value: (r) => r.pending },
];
