/**
 * Uploads of the three lists: uploadFile (checked by platform/uploads, one row per upload, the
 * bytes stored once by content hash), attachUploads (to a need or a progress report: only the
 * caller's own uploads), and readUpload (served only to its uploader and to those who may see
 * the need or the project it is attached to).
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Attachment, Upload, UploadBody } from '../../../contracts/lists';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { decodeBase64, isImage, readStoredFile, storeFile } from '../../platform/uploads';
import { communityRowVisible, reachOf } from './lists.policy';

const url = (id: string) => `/api/v1/lists/uploads/${id}`;

interface UploadRow {
  id: string;
  file_name: string;
  mime: string;
  size: number;
  has_thumbnail: boolean;
}

export function toAttachment(r: UploadRow): Attachment {
  return { id: r.id, fileName: r.file_name, mime: r.mime, size: r.size, url: url(r.id), thumbnailUrl: r.has_thumbnail ? `${url(r.id)}/thumbnail` : null };
}

export async function uploadFile(ctx: AppContext, principal: Principal, body: UploadBody, actor: AuditActor): Promise<Upload> {
  const bytes = decodeBase64(body.contentBase64);
  const stored = await storeFile(ctx.config.uploadDir, bytes);
  const fileName = [...body.fileName].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('').slice(0, 200);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('upload')
      .values({ sha256: stored.sha256, mime: stored.mime, size: stored.size, file_name: fileName, has_thumbnail: stored.hasThumbnail, uploaded_by: principal.userId })
      .returning(['id', 'file_name', 'mime', 'size', 'has_thumbnail', 'sha256', 'created_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'lists.upload', entityType: 'upload', entityId: row.id, after: { fileName, mime: stored.mime, size: stored.size, sha256: stored.sha256 } });
    return { ...toAttachment(row), sha256: row.sha256, createdAt: row.created_at.toISOString() };
  });
}

/** Checks that every id is an upload of the caller (refuses others' uploads as if they did not exist). */
export async function ownUploads(db: Kysely<DB> | Transaction<DB>, principal: Principal, ids: readonly string[] | undefined): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return [];
  const rows = await db.selectFrom('upload').select('id').where('id', 'in', unique).where('uploaded_by', '=', principal.userId).execute();
  if (rows.length !== unique.length) {
    throw badRequest('UPLOAD_NOT_FOUND', 'An attachment is not one of your uploads', [{ path: 'body/attachmentIds', message: 'unknown upload' }]);
  }
  return unique;
}

export async function attachmentsFor(db: Kysely<DB>, kind: 'need' | 'report', ownerIds: readonly string[]): Promise<Map<string, Attachment[]>> {
  const out = new Map<string, Attachment[]>();
  if (ownerIds.length === 0) return out;
  const rows =
    kind === 'need'
      ? await db
          .selectFrom('need_attachment as a')
          .innerJoin('upload as u', 'u.id', 'a.upload_id')
          .select(['a.need_id as owner', 'u.id', 'u.file_name', 'u.mime', 'u.size', 'u.has_thumbnail'])
          .where('a.need_id', 'in', ownerIds)
          .orderBy('u.created_at')
          .execute()
      : await db
          .selectFrom('progress_report_attachment as a')
          .innerJoin('upload as u', 'u.id', 'a.upload_id')
          .select(['a.report_id as owner', 'u.id', 'u.file_name', 'u.mime', 'u.size', 'u.has_thumbnail'])
          .where('a.report_id', 'in', ownerIds)
          .orderBy('u.created_at')
          .execute();
  for (const r of rows) out.set(r.owner, [...(out.get(r.owner) ?? []), toAttachment(r)]);
  return out;
}

/** May the caller see this upload: its uploader, or whoever sees a need or a project it is attached to. */
async function mayRead(ctx: AppContext, principal: Principal, uploadId: string, uploadedBy: string | null): Promise<boolean> {
  if (uploadedBy === principal.userId) return true;
  const needReach = await reachOf(ctx, principal, 'lists.need.read');
  const viaNeed = await ctx.db
    .selectFrom('need_attachment as a')
    .innerJoin('need as n', 'n.id', 'a.need_id')
    .innerJoin('region as c', 'c.id', 'n.community_id')
    .select('a.need_id')
    .where('a.upload_id', '=', uploadId)
    .where(communityRowVisible(needReach, sql<SqlBool>`n.status = 'published'`))
    .executeTakeFirst();
  if (viaNeed) return true;
  const projectReach = await reachOf(ctx, principal, 'lists.project.read');
  const viaProject = await ctx.db
    .selectFrom('progress_report_attachment as a')
    .innerJoin('progress_report as pr', 'pr.id', 'a.report_id')
    .innerJoin('project as p', 'p.id', 'pr.project_id')
    .innerJoin('region as c', 'c.id', 'p.community_id')
    .select('a.report_id')
    .where('a.upload_id', '=', uploadId)
    .where(communityRowVisible(projectReach, sql<SqlBool>`p.status <> 'draft'`))
    .executeTakeFirst();
  return viaProject !== undefined;
}

export async function readUpload(ctx: AppContext, principal: Principal, id: string, thumbnail: boolean): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
  const row = await ctx.db.selectFrom('upload').select(['id', 'sha256', 'mime', 'file_name', 'uploaded_by', 'has_thumbnail']).where('id', '=', id).executeTakeFirst();
  if (!row || !(await mayRead(ctx, principal, row.id, row.uploaded_by))) throw notFound('upload');
  if (thumbnail && (!row.has_thumbnail || !isImage(row.mime))) throw notFound('thumbnail');
  const bytes = await readStoredFile(ctx.config.uploadDir, row.sha256, thumbnail);
  if (!bytes) throw notFound('file');
  return { bytes, mime: thumbnail ? 'image/jpeg' : row.mime, fileName: row.file_name };
}
