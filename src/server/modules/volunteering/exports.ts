/**
 * The columns of the volunteering module's exports (时长审核: hour requests and ledger entries;
 * 完成情况: who is behind), worded as the zh-CN pages show them; the rows come from the lists
 * themselves (platform/export.ts).
 */
import type { BehindEntry, HourEntry, HourRequest } from '../../../contracts/volunteering';
import type { ExportColumn } from '../../platform/export';

const REQUEST_KIND: Record<string, string> = { supplementary: '补录', correction: '更正' };
const REQUEST_STATUS: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };
const METHOD: Record<string, string> = { scan: '扫码', code: '签到码', organiser: '组织者登记', supplementary: '补录' };
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export const hourRequestColumns: Array<ExportColumn<HourRequest>> = [
  { header: '党员', value: (r) => r.memberName },
  { header: '类型', value: (r) => REQUEST_KIND[r.kind] ?? r.kind },
  { header: '活动', width: 30, value: (r) => r.activityTitle },
  { header: '开始(UTC)', width: 18, value: (r) => time(r.startedAt) },
  { header: '结束(UTC)', width: 18, value: (r) => time(r.endedAt) },
  { header: '申请时长', value: (r) => r.hours },
  { header: '现有时长', value: (r) => r.currentHours },
  { header: '理由', width: 30, value: (r) => r.reason },
  { header: '状态', value: (r) => REQUEST_STATUS[r.status] ?? r.status },
  { header: '审核人', value: (r) => r.decidedByName },
  { header: '审核意见', width: 30, value: (r) => r.decisionNote },
];

export const hourEntryColumns: Array<ExportColumn<HourEntry>> = [
  { header: '党员', value: (r) => r.memberName },
  { header: '服务内容', width: 30, value: (r) => r.content },
  { header: '服务日期', value: (r) => r.serviceDate },
  { header: '时长', value: (r) => r.hours },
  { header: '记录方式', value: (r) => METHOD[r.method] ?? r.method },
  { header: '版本', value: (r) => r.version },
  { header: '记录人', value: (r) => r.recordedByName },
  { header: '核实人', value: (r) => r.verifiedByName },
  { header: '备注', width: 30, value: (r) => r.note },
];

export const behindColumns: Array<ExportColumn<BehindEntry>> = [
  { header: '姓名/单位', width: 24, value: (r) => r.name },
  { header: '单位', width: 30, value: (r) => r.unitName },
  { header: '社区', value: (r) => r.communityName },
  { header: '已完成', value: (r) => r.done },
  { header: '要求', value: (r) => r.required },
  { header: '尚差', value: (r) => r.left },
];
