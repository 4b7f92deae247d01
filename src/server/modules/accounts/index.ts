/**
 * Accounts module: the first-run status, a login linked to a member record, bulk accounts with
 * one-time activation codes (as JSON or as the .xlsx to hand out), activation with a code and
 * self-activation by members and residents who are in the directory.
 *
 *   GET    /setup                   authenticated     is the system still empty?
 *   GET    /members/:id/account     accounts.manage   the member's login
 *   PUT    /members/:id/account     accounts.manage   link an existing login
 *   DELETE /members/:id/account     accounts.manage   unlink
 *   POST   /accounts/bulk           accounts.manage   accounts and codes for chosen members (JSON)
 *   POST   /accounts/bulk/sheet     accounts.manage   the same, as .xlsx
 *   POST   /accounts/activate       public            account name + code → first password
 *   POST   /accounts/self-activate  public            name + phone + ID's last six → first password
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ActivateBody, ActivatedAccount, BulkAccountsBody, BulkAccountsResult, LinkAccountBody, MemberAccount, SelfActivateBody, SetupStatus } from '../../../contracts/accounts';
import { IdParams, errorResponses } from '../../../contracts/common';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { XLSX_MIME } from '../../platform/xlsx';
import type { GongjianModule } from '../module';
import { activateAccount, selfActivate } from './activation.service';
import { accountSheet, issueAccounts } from './bulk.service';
import { linkAccount, memberAccount, setupStatus, unlinkAccount } from './links.service';

const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['accounts'];
  // A public door limited per address like the login (an office activates together); failures lock per person and per address (activation.service.ts).
  const ACTIVATION_RATE = { max: ctx.config.loginRateLimitPerMinute, timeWindow: 60_000 };

  app.get('/setup', { schema: { tags, summary: 'Whether the system is still empty (no region yet), with counts for a system administrator', response: { 200: SetupStatus, ...errorResponses } }, config: { permission: 'authenticated' } }, async (request) =>
    setupStatus(ctx, requirePrincipal(request)),
  );

  app.get('/members/:id/account', { schema: { tags, summary: 'The login linked to a member', params: IdParams, response: { 200: MemberAccount, ...errorResponses } }, config: { permission: 'accounts.manage' } }, async (request) =>
    memberAccount(ctx, requirePrincipal(request), request.params.id),
  );
  app.put('/members/:id/account', { schema: { tags, summary: 'Link an existing login to a member (gives it the member role)', params: IdParams, body: LinkAccountBody, response: { 200: MemberAccount, ...errorResponses } }, config: { permission: 'accounts.manage' } }, async (request) =>
    linkAccount(ctx, requirePrincipal(request), request.params.id, request.body.account, auditActor(request)),
  );
  app.delete('/members/:id/account', { schema: { tags, summary: 'Unlink the member’s login (the login stays, the member role goes)', params: IdParams, response: { 200: MemberAccount, ...errorResponses } }, config: { permission: 'accounts.manage' } }, async (request) =>
    unlinkAccount(ctx, requirePrincipal(request), request.params.id, auditActor(request)),
  );

  app.post('/accounts/bulk', { schema: { tags, summary: 'Accounts with one-time activation codes for chosen members (all in scope, or nothing)', body: BulkAccountsBody, response: { 201: BulkAccountsResult, ...errorResponses } }, config: { permission: 'accounts.manage' } }, async (request, reply) =>
    reply.status(201).send(await issueAccounts(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.post('/accounts/bulk/sheet', { schema: { tags, summary: 'The same, answered as the .xlsx of names, masked phones and codes to hand out', body: BulkAccountsBody, response: { 201: Binary, ...errorResponses } }, config: { permission: 'accounts.manage' } }, async (request, reply) => {
    const result = await issueAccounts(ctx, requirePrincipal(request), request.body, auditActor(request));
    const name = `账号与激活码-${new Date().toISOString().slice(0, 10)}.xlsx`;
    return reply
      .status(201)
      .header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="accounts.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(await accountSheet(result));
  });

  app.post('/accounts/activate', { schema: { tags, summary: 'First password of a bulk account, with its one-time activation code', body: ActivateBody, response: { 200: ActivatedAccount, ...errorResponses } }, config: { permission: 'public', rateLimit: ACTIVATION_RATE } }, async (request) =>
    activateAccount(ctx, request.body, auditActor(request)),
  );
  app.post('/accounts/self-activate', { schema: { tags, summary: 'A member or household head in the directory proves who they are and sets a password', body: SelfActivateBody, response: { 200: ActivatedAccount, ...errorResponses } }, config: { permission: 'public', rateLimit: ACTIVATION_RATE } }, async (request) =>
    selfActivate(ctx, request.body, auditActor(request)),
  );
}

export const accountsModule: GongjianModule = { name: 'accounts', routes };
