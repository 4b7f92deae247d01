/**
 * Service certificates (志愿服务证明, 民发〔2015〕149号): issueCertificate (numbered from the year's
 * sequence, hours from the ledger's current versions in the period), the A4 data with its QR code,
 * the list, and the public check that the QR code opens.
 */
import QRCode from 'qrcode';
import { sql } from 'kysely';
import type { Certificate, CertificateListItem, CertificatesQuery, CertificateVerification, IssueCertificateBody } from '../../../contracts/volunteering';
import { certificateNumber, serviceContent } from '../../../domain/volunteering/certificate';
import { toHours } from '../../../domain/volunteering/hours';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { isSelfRole } from '../../platform/scope';
import { maskName } from '../../platform/crypto';
import { localDate } from '../../platform/time';
import { pageOf } from '../../platform/paging';
import { memberInReach, reachOf, staffCovers } from './volunteering.policy';

const KIND_ZH: Record<string, string> = {
  party_day: '主题党日',
  lecture: '党课宣讲',
  training: '培训',
  volunteer_service: '志愿服务',
  legal_aid: '法律援助',
  health_clinic: '义诊',
  civility_patrol: '文明劝导',
  clean_up: '环境整治',
  emergency_duty: '应急值守',
  other: '其他服务',
};

const volunteerNo = (memberId: string) => `ZY${memberId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;

function selectCertificates(ctx: AppContext) {
  return ctx.db
    .selectFrom('service_certificate as s')
    .innerJoin('member as m', 'm.id', 's.member_id')
    .leftJoin('region as c', 'c.id', 'm.residence_region_id')
    .leftJoin('organization as u', 'u.id', 'm.employer_org_id')
    .select(['s.id', 's.cert_no', 's.member_id', 'm.name', 'm.id_number_masked', 'm.user_id', 's.period_from', 's.period_to', 's.minutes', 's.content', 's.issuer_name', 's.person_in_charge', 's.handler', 's.contact', 's.issued_on']);
}

type CertRow = Awaited<ReturnType<ReturnType<typeof selectCertificates>['executeTakeFirstOrThrow']>>;

async function toCertificate(r: CertRow, origin: string): Promise<Certificate> {
  const verifyUrl = `${origin}/verify/certificate/${r.cert_no}`;
  return {
    id: r.id,
    certNo: r.cert_no,
    memberId: r.member_id,
    name: r.name,
    idType: r.id_number_masked ? '居民身份证' : '未登记',
    idNumberMasked: r.id_number_masked,
    volunteerNo: volunteerNo(r.member_id),
    periodFrom: String(r.period_from),
    periodTo: String(r.period_to),
    hours: toHours(r.minutes),
    content: r.content,
    issuerName: r.issuer_name,
    personInCharge: r.person_in_charge,
    handler: r.handler,
    contact: r.contact,
    issuedOn: String(r.issued_on),
    verifyUrl,
    qrSvg: await QRCode.toString(verifyUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  };
}

export async function issueCertificate(ctx: AppContext, principal: Principal, input: IssueCertificateBody, actor: AuditActor, origin: string): Promise<Certificate> {
  if (input.periodTo < input.periodFrom) throw badRequest('PERIOD_INVALID', 'The period ends before it starts', [{ path: 'body/periodTo', message: 'before periodFrom' }]);
  const member = await ctx.db
    .selectFrom('member as m')
    .leftJoin('region as c', 'c.id', 'm.residence_region_id')
    .leftJoin('organization as u', 'u.id', 'm.employer_org_id')
    .select(['m.id', 'c.path as community_path', 'u.path as unit_path'])
    .where('m.id', '=', input.memberId)
    .executeTakeFirst();
  if (!member) throw notFound('member');
  const coversMember = staffCovers(principal, 'volunteering.certificate.issue', { regionPath: member.community_path, orgPath: member.unit_path });
  const issuerOrgId = input.issuerOrgId ?? principal.assignments.find((a) => !isSelfRole(a.role) && a.scopeType === 'organization')?.scopeId ?? null;
  let issuerName: string;
  if (issuerOrgId) {
    const org = await ctx.db.selectFrom('organization').select(['name', 'path']).where('id', '=', issuerOrgId).executeTakeFirst();
    if (!org) throw badRequest('ORGANIZATION_NOT_FOUND', 'The issuing organisation does not exist', [{ path: 'body/issuerOrgId', message: 'not found' }]);
    const orgRegion = await ctx.db.selectFrom('organization as o').leftJoin('region as r', 'r.id', 'o.region_id').select('r.path').where('o.id', '=', issuerOrgId).executeTakeFirst();
    if (!staffCovers(principal, 'volunteering.certificate.issue', { regionPath: orgRegion?.path ?? null, orgPath: org.path })) throw forbidden('You may issue only in the name of your own organisation', { permission: 'volunteering.certificate.issue' });
    issuerName = org.name;
  } else {
    const region = principal.assignments.find((a) => !isSelfRole(a.role) && a.scopeType === 'region');
    const local = region?.scopeId ? await ctx.db.selectFrom('organization').select('name').where('region_id', '=', region.scopeId).where('kind', 'in', ['community', 'street', 'supervisor']).orderBy('created_at').executeTakeFirst() : undefined;
    issuerName = local?.name ?? region?.scopeName ?? '共建平台';
  }
  if (!coversMember) throw forbidden('The member is outside your scope', { permission: 'volunteering.certificate.issue' });
  const rows = await ctx.db
    .selectFrom('hour_entry as h')
    .leftJoin('volunteer_activity as a', 'a.id', 'h.activity_id')
    .select(['a.kind', 'h.minutes'])
    .where('h.member_id', '=', input.memberId)
    .where('h.superseded_by', 'is', null)
    .where('h.service_date', '>=', input.periodFrom)
    .where('h.service_date', '<=', input.periodTo)
    .execute();
  const minutes = rows.reduce((s, r) => s + r.minutes, 0);
  if (minutes === 0) throw conflict('NO_HOURS', 'The member has no recorded hours in this period');
  const content = serviceContent(rows.map((r) => ({ label: KIND_ZH[r.kind ?? 'other'] ?? '其他服务', minutes: r.minutes })));
  const issuedOn = localDate();
  const year = Number(issuedOn.slice(0, 4));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { last_seq: seq } = await trx
      .insertInto('certificate_counter')
      .values({ year, last_seq: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_seq: sql`certificate_counter.last_seq + 1` }))
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const certNo = certificateNumber(year, seq);
    const row = await trx
      .insertInto('service_certificate')
      .values({
        cert_no: certNo,
        year,
        seq,
        member_id: input.memberId,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        minutes,
        content,
        issuer_org_id: issuerOrgId,
        issuer_name: issuerName,
        person_in_charge: input.personInCharge.trim(),
        handler: input.handler.trim(),
        contact: input.contact.trim(),
        issued_on: issuedOn,
        issued_by: principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'volunteering.certificate.issue', entityType: 'service_certificate', entityId: row.id, after: { certNo, ...input, minutes } });
    return row.id;
  });
  return getCertificate(ctx, principal, id, origin);
}

function inReach(principal: Principal) {
  return memberInReach(reachOf(principal, 'volunteering.hours.read'));
}

export async function getCertificate(ctx: AppContext, principal: Principal, id: string, origin: string): Promise<Certificate> {
  const r = await selectCertificates(ctx).where('s.id', '=', id).where(inReach(principal)).executeTakeFirst();
  if (!r) throw notFound('certificate');
  return toCertificate(r, origin);
}

export async function listCertificates(ctx: AppContext, principal: Principal, q: CertificatesQuery): Promise<{ items: CertificateListItem[]; total: number }> {
  let query = selectCertificates(ctx).where(inReach(principal));
  if (q.mine) query = query.where('m.user_id', '=', principal.userId);
  if (q.memberId) query = query.where('s.member_id', '=', q.memberId);
  const { rows, total } = await pageOf(ctx, query, q, { order: [['s.issued_on', 'desc'], ['s.cert_no', 'desc']] });
  return {
    total,
    items: rows.map((r) => ({ id: r.id, certNo: r.cert_no, memberId: r.member_id, name: r.name, periodFrom: String(r.period_from), periodTo: String(r.period_to), hours: toHours(r.minutes), issuerName: r.issuer_name, issuedOn: String(r.issued_on) })),
  };
}

/** What a certificate's QR code opens (no login): valid or not, the name masked. */
export async function verifyCertificate(ctx: AppContext, certNo: string): Promise<CertificateVerification> {
  const r = await selectCertificates(ctx).where('s.cert_no', '=', certNo).executeTakeFirst();
  if (!r) return { valid: false, certNo, name: null, hours: null, periodFrom: null, periodTo: null, issuerName: null, issuedOn: null };
  return { valid: true, certNo, name: maskName(r.name), hours: toHours(r.minutes), periodFrom: String(r.period_from), periodTo: String(r.period_to), issuerName: r.issuer_name, issuedOn: String(r.issued_on) };
}
