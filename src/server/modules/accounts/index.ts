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
import * as api from '../../../contracts/accounts.endpoints';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { XLSX_MIME } from '../../platform/xlsx';
import { defineModule, route } from '../module';
import { activateAccount, selfActivate } from './activation.service';
import { accountSheet, issueAccounts } from './bulk.service';
import { linkAccount, memberAccount, setupStatus, unlinkAccount } from './links.service';

async function routes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  // A public door limited per address like the login (an office activates together); failures lock per person and per address (activation.service.ts).
  const activationRate = { config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: 60_000 } } };

  route(app, api.getSetupStatus, async (request) => setupStatus(ctx, requirePrincipal(request)));
  route(app, api.getMemberAccount, async (request) => memberAccount(ctx, requirePrincipal(request), request.params.id));
  route(app, api.linkMemberAccount, async (request) => linkAccount(ctx, requirePrincipal(request), request.params.id, request.body.account, auditActor(request)));
  route(app, api.unlinkMemberAccount, async (request) => unlinkAccount(ctx, requirePrincipal(request), request.params.id, auditActor(request)));
  route(app, api.issueAccounts, async (request) => issueAccounts(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.issueAccountsSheet, async (request, reply) => {
    const result = await issueAccounts(ctx, requirePrincipal(request), request.body, auditActor(request));
    const name = `账号与激活码-${new Date().toISOString().slice(0, 10)}.xlsx`;
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="accounts.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(await accountSheet(result));
  });
  route(app, api.activateAccount, async (request) => activateAccount(ctx, request.body, auditActor(request)), activationRate);
  route(app, api.selfActivate, async (request) => selfActivate(ctx, request.body, auditActor(request)), activationRate);
}

export const accountsModule = defineModule({ name: 'accounts', routes, tables: ['activation_code', 'activation_failure'] });
