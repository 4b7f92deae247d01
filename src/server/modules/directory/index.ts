/** Directory module: regions, organisations, members, households, volunteer teams, import and export. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, Page, errorResponses } from '../../../contracts/common';
import {
  CreateHouseholdBody,
  CreateMemberBody,
  CreateOrganizationBody,
  CreateRegionBody,
  CreateTeamBody,
  EraseBody,
  ExportQuery,
  Household,
  HouseholdsQuery,
  ImportKindParams,
  ImportReport,
  ImportUploadQuery,
  LeadingGroupBody,
  Member,
  MembersQuery,
  Organization,
  OrganizationDetail,
  OrganizationsQuery,
  Region,
  RegionHistoryEntry,
  RegionsQuery,
  RevealBody,
  Revealed,
  TeamMembersBody,
  TeamsQuery,
  UpdateHouseholdBody,
  UpdateMemberBody,
  UpdateOrganizationBody,
  UpdateRegionBody,
  VolunteerTeam,
  VolunteerTeamDetail,
} from '../../../contracts/directory';
import { AppError } from '../../platform/errors';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { MAX_IMPORT_BYTES, XLSX_MIME } from '../../platform/xlsx';
import { defineModule } from '../module';
import { seedCity } from '../../seed/city';
import { exportHouseholds, exportMembers } from './export.service';
import { createHousehold, getHousehold, listHouseholds, revealHousehold, updateHousehold } from './households.service';
import { assertCanImport, commitImport, discardImport, getImport, importTemplate, listImports, validateImport } from './import.service';
import { createMember, eraseMember, getMember, listMembers, revealMember, updateMember } from './members.service';
import { createOrganization, getOrganization, listOrganizations, setLeadingGroup, updateOrganization } from './organizations.service';
import { createRegion, getRegionById, listRegions, regionHistory, updateRegion } from './regions.service';
import { createTeam, getTeam, listTeams, setTeamMembers } from './teams.service';

function sendXlsx(reply: FastifyReply, fileName: string, data: Buffer) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(data);
}

const today = () => new Date().toISOString().slice(0, 10);
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  // Spreadsheet uploads arrive as the raw file, not multipart.
  for (const mime of [XLSX_MIME, 'application/octet-stream']) {
    app.addContentTypeParser(mime, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));
  }

  // ---------- regions ----------
  let tags = ['directory: regions'];
  app.get('/regions', { schema: { tags, summary: 'Regions: children of a parent, a name search, or the top of the caller’s reach', querystring: RegionsQuery, response: { 200: Type.Object({ items: Type.Array(Region) }), ...errorResponses } }, config: { permission: 'directory.region.read' } }, async (request) => ({
    items: await listRegions(ctx, requirePrincipal(request), request.query),
  }));
  app.get('/regions/:id', { schema: { tags, summary: 'One region', params: IdParams, response: { 200: Region, ...errorResponses } }, config: { permission: 'directory.region.read' } }, async (request) => getRegionById(ctx, requirePrincipal(request), request.params.id));
  app.get('/regions/:id/history', { schema: { tags, summary: 'The changes of a region (created, renamed, moved)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(RegionHistoryEntry) }), ...errorResponses } }, config: { permission: 'directory.region.read' } }, async (request) => ({
    items: await regionHistory(ctx, requirePrincipal(request), request.params.id),
  }));
  app.post('/regions', { schema: { tags, summary: 'Add a region under a parent, or without parentId a top region (system scope only)', body: CreateRegionBody, response: { 201: Region, ...errorResponses } }, config: { permission: 'directory.region.write' } }, async (request, reply) =>
    reply.status(201).send(await createRegion(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.patch('/regions/:id', { schema: { tags, summary: 'Rename, move (with its subtree) or mark as village', params: IdParams, body: UpdateRegionBody, response: { 200: Region, ...errorResponses } }, config: { permission: 'directory.region.write' } }, async (request) =>
    updateRegion(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );

  // ---------- organisations ----------
  tags = ['directory: organisations'];
  app.get('/organizations', { schema: { tags, summary: 'Organisations in the caller’s reach', querystring: OrganizationsQuery, response: { 200: Page(Organization), ...errorResponses } }, config: { permission: 'directory.organization.read' } }, async (request) =>
    listOrganizations(ctx, requirePrincipal(request), request.query),
  );
  app.get('/organizations/:id', { schema: { tags, summary: 'One organisation with its leading group', params: IdParams, response: { 200: OrganizationDetail, ...errorResponses } }, config: { permission: 'directory.organization.read' } }, async (request) =>
    getOrganization(ctx, requirePrincipal(request), request.params.id),
  );
  app.post('/organizations', { schema: { tags, summary: 'Add an organisation', body: CreateOrganizationBody, response: { 201: OrganizationDetail, ...errorResponses } }, config: { permission: 'directory.organization.write' } }, async (request, reply) =>
    reply.status(201).send(await createOrganization(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.patch('/organizations/:id', { schema: { tags, summary: 'Change an organisation', params: IdParams, body: UpdateOrganizationBody, response: { 200: OrganizationDetail, ...errorResponses } }, config: { permission: 'directory.organization.write' } }, async (request) =>
    updateOrganization(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.put('/organizations/:id/leading-group', { schema: { tags, summary: 'Replace the leading group (领导小组)', params: IdParams, body: LeadingGroupBody, response: { 200: OrganizationDetail, ...errorResponses } }, config: { permission: 'directory.organization.write' } }, async (request) =>
    setLeadingGroup(ctx, requirePrincipal(request), request.params.id, request.body.members, auditActor(request)),
  );

  // ---------- members ----------
  tags = ['directory: members'];
  app.get('/members', { schema: { tags, summary: 'Members the caller may see (personal data masked)', querystring: MembersQuery, response: { 200: Page(Member), ...errorResponses } }, config: { permission: 'directory.member.read' } }, async (request) =>
    listMembers(ctx, requirePrincipal(request), request.query),
  );
  app.get('/members/export', { schema: { tags, summary: 'The member list as .xlsx (full personal data with full=true and the reveal permission)', querystring: Type.Object({ ...MembersQuery.properties, ...ExportQuery.properties }, { additionalProperties: false }), response: { 200: Binary, ...errorResponses } }, config: { permission: 'directory.export' } }, async (request, reply) => {
    const { full, ...query } = request.query;
    return sendXlsx(reply, `党员名录-${today()}.xlsx`, await exportMembers(ctx, requirePrincipal(request), query, full === true, auditActor(request)));
  });
  app.get('/members/:id', { schema: { tags, summary: 'One member', params: IdParams, response: { 200: Member, ...errorResponses } }, config: { permission: 'directory.member.read' } }, async (request) => getMember(ctx, requirePrincipal(request), request.params.id));
  app.post('/members', { schema: { tags, summary: 'Add a member (employer or residence inside the caller’s scope)', body: CreateMemberBody, response: { 201: Member, ...errorResponses } }, config: { permission: 'directory.member.write' } }, async (request, reply) =>
    reply.status(201).send(await createMember(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.patch('/members/:id', { schema: { tags, summary: 'Change a member (each side changes its own fields)', params: IdParams, body: UpdateMemberBody, response: { 200: Member, ...errorResponses } }, config: { permission: 'directory.member.write' } }, async (request) =>
    updateMember(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/members/:id/erase', { schema: { tags, summary: 'Erase a person’s identifying data, keeping the record (see docs/data-protection.md)', params: IdParams, body: EraseBody, response: { 200: Member, ...errorResponses } }, config: { permission: 'directory.member.write' } }, async (request) =>
    eraseMember(ctx, requirePrincipal(request), request.params.id, request.body.reason, auditActor(request)),
  );
  app.post('/members/:id/reveal', { schema: { tags, summary: 'Show a full phone or ID number (audited, with a reason)', params: IdParams, body: RevealBody, response: { 200: Revealed, ...errorResponses } }, config: { permission: 'directory.member.reveal' } }, async (request) =>
    revealMember(ctx, requirePrincipal(request), request.params.id, request.body.field, request.body.reason, auditActor(request)),
  );

  // ---------- households ----------
  tags = ['directory: households'];
  app.get('/households', { schema: { tags, summary: 'Households the caller may see', querystring: HouseholdsQuery, response: { 200: Page(Household), ...errorResponses } }, config: { permission: 'directory.household.read' } }, async (request) =>
    listHouseholds(ctx, requirePrincipal(request), request.query),
  );
  app.get('/households/export', { schema: { tags, summary: 'The household list as .xlsx', querystring: Type.Object({ ...HouseholdsQuery.properties, ...ExportQuery.properties }, { additionalProperties: false }), response: { 200: Binary, ...errorResponses } }, config: { permission: 'directory.export' } }, async (request, reply) => {
    const { full, ...query } = request.query;
    return sendXlsx(reply, `住户名录-${today()}.xlsx`, await exportHouseholds(ctx, requirePrincipal(request), query, full === true, auditActor(request)));
  });
  app.get('/households/:id', { schema: { tags, summary: 'One household', params: IdParams, response: { 200: Household, ...errorResponses } }, config: { permission: 'directory.household.read' } }, async (request) => getHousehold(ctx, requirePrincipal(request), request.params.id));
  app.post('/households', { schema: { tags, summary: 'Add a household', body: CreateHouseholdBody, response: { 201: Household, ...errorResponses } }, config: { permission: 'directory.household.write' } }, async (request, reply) =>
    reply.status(201).send(await createHousehold(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.patch('/households/:id', { schema: { tags, summary: 'Change a household (tags, when given, replace the old ones)', params: IdParams, body: UpdateHouseholdBody, response: { 200: Household, ...errorResponses } }, config: { permission: 'directory.household.write' } }, async (request) =>
    updateHousehold(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/households/:id/reveal', { schema: { tags, summary: 'Show the head’s full phone or ID number (audited)', params: IdParams, body: RevealBody, response: { 200: Revealed, ...errorResponses } }, config: { permission: 'directory.household.reveal' } }, async (request) =>
    revealHousehold(ctx, requirePrincipal(request), request.params.id, request.body.field, request.body.reason, auditActor(request)),
  );

  // ---------- volunteer teams ----------
  tags = ['directory: volunteer teams'];
  app.get('/volunteer-teams', { schema: { tags, summary: 'Volunteer teams', querystring: TeamsQuery, response: { 200: Page(VolunteerTeam), ...errorResponses } }, config: { permission: 'directory.team.read' } }, async (request) =>
    listTeams(ctx, requirePrincipal(request), request.query),
  );
  app.get('/volunteer-teams/:id', { schema: { tags, summary: 'A team with its members', params: IdParams, response: { 200: VolunteerTeamDetail, ...errorResponses } }, config: { permission: 'directory.team.read' } }, async (request) => {
    const { row: _row, ...team } = await getTeam(ctx, requirePrincipal(request), request.params.id);
    return team;
  });
  app.post('/volunteer-teams', { schema: { tags, summary: 'Create a team of a unit or community', body: CreateTeamBody, response: { 201: VolunteerTeamDetail, ...errorResponses } }, config: { permission: 'directory.team.write' } }, async (request, reply) =>
    reply.status(201).send(await createTeam(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.put('/volunteer-teams/:id/members', { schema: { tags, summary: 'Replace the members of a team', params: IdParams, body: TeamMembersBody, response: { 200: VolunteerTeamDetail, ...errorResponses } }, config: { permission: 'directory.team.write' } }, async (request) =>
    setTeamMembers(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );

  // ---------- import ----------
  tags = ['directory: import'];
  app.get('/imports/templates/:kind', { schema: { tags, summary: 'The .xlsx template (Chinese headers, an example row, notes)', params: ImportKindParams, response: { 200: Binary, ...errorResponses } }, config: { permission: 'directory.import' } }, async (request, reply) => {
    assertCanImport(requirePrincipal(request), request.params.kind);
    const name = { members: '党员导入模板', households: '住户导入模板', organizations: '组织导入模板', regions: '区域导入模板' }[request.params.kind];
    return sendXlsx(reply, `${name}.xlsx`, await importTemplate(request.params.kind));
  });
  app.get('/imports', { schema: { tags, summary: 'The caller’s recent imports', response: { 200: Type.Object({ items: Type.Array(ImportReport) }), ...errorResponses } }, config: { permission: 'directory.import' } }, async (request) => ({
    items: await listImports(ctx, requirePrincipal(request)),
  }));
  app.post(
    '/imports/:kind',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Upload a sheet (the raw .xlsx as the body) and get the row-by-row validation report; nothing is written yet',
        params: ImportKindParams,
        querystring: ImportUploadQuery,
        consumes: [XLSX_MIME],
        response: { 201: ImportReport, ...errorResponses },
      },
      config: { permission: 'directory.import' },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, `Send the .xlsx file itself as the body, with content-type ${XLSX_MIME}`);
      const report = await validateImport(ctx, requirePrincipal(request), request.params.kind, request.query.fileName ?? `${request.params.kind}.xlsx`, body, auditActor(request));
      return reply.status(201).send(report);
    },
  );
  app.get('/imports/:id', { schema: { tags, summary: 'An import’s report', params: IdParams, response: { 200: ImportReport, ...errorResponses } }, config: { permission: 'directory.import' } }, async (request) => getImport(ctx, requirePrincipal(request), request.params.id));
  app.post('/imports/:id/commit', { schema: { tags, summary: 'Write all valid rows of the import in one transaction', params: IdParams, response: { 200: ImportReport, ...errorResponses } }, config: { permission: 'directory.import' } }, async (request) =>
    commitImport(ctx, requirePrincipal(request), request.params.id, auditActor(request)),
  );
  app.delete('/imports/:id', { schema: { tags, summary: 'Discard an import without writing', params: IdParams, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'directory.import' } }, async (request, reply) => {
    await discardImport(ctx, requirePrincipal(request), request.params.id, auditActor(request));
    return reply.status(204).send(null);
  });
}

export const directoryModule = defineModule({
  name: 'directory',
  routes,
  tables: ['region', 'region_history', 'organization', 'leading_group_member', 'member', 'household', 'household_tag', 'volunteer_team', 'volunteer_team_member', 'import_batch'],
  // The demo city: places, people, households, teams and the demo accounts.
  seed: ({ db, cipher, scale, onProgress }) => seedCity(db, cipher, { scale, onProgress }),
});

/** What the CLI uses of the directory. */
export { commitImport, discardImport, validateImport } from './import.service';
export { createTopRegion } from './regions.service';

/** What the accounts module uses: who may change a member, and the members' text search. */
export { writableSides } from './directory.policy';
export { textCondition } from './members.service';

/** What the other modules use of the members (the caller's record, residence corrections). */
export { announceResidenceChanges, callerMember, correctResidences, memberById, memberOfUser, type MemberRecord, type ResidenceChange } from './member-record.service';
