/** The accounts endpoints: first-run status, a member's login (link, unlink), bulk accounts with activation codes, activation and self-activation. */
import Type from 'typebox';
import { IdParams } from './common';
import { endpoint } from './endpoint';
import { ActivateBody, ActivatedAccount, BulkAccountsBody, BulkAccountsResult, LinkAccountBody, MemberAccount, SelfActivateBody, SetupStatus } from './accounts';

const tags = ['accounts'];
const Binary = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });

export const getSetupStatus = endpoint({
  method: 'GET',
  path: '/setup',
  response: SetupStatus,
  permission: 'authenticated',
  summary: 'Whether the system is still empty (no region yet), with counts for a system administrator',
  tags,
});

export const getMemberAccount = endpoint({
  method: 'GET',
  path: '/members/:id/account',
  params: IdParams,
  response: MemberAccount,
  permission: 'accounts.manage',
  summary: 'The login linked to a member',
  tags,
});

export const linkMemberAccount = endpoint({
  method: 'PUT',
  path: '/members/:id/account',
  params: IdParams,
  body: LinkAccountBody,
  response: MemberAccount,
  permission: 'accounts.manage',
  summary: 'Link an existing login to a member (gives it the member role)',
  tags,
});

export const unlinkMemberAccount = endpoint({
  method: 'DELETE',
  path: '/members/:id/account',
  params: IdParams,
  response: MemberAccount,
  permission: 'accounts.manage',
  summary: 'Unlink the member’s login (the login stays, the member role goes)',
  tags,
});

export const issueAccounts = endpoint({
  method: 'POST',
  path: '/accounts/bulk',
  body: BulkAccountsBody,
  response: BulkAccountsResult,
  status: 201,
  permission: 'accounts.manage',
  summary: 'Accounts with one-time activation codes for chosen members (all in scope, or nothing)',
  tags,
});

export const issueAccountsSheet = endpoint({
  method: 'POST',
  path: '/accounts/bulk/sheet',
  body: BulkAccountsBody,
  response: Binary,
  status: 201,
  permission: 'accounts.manage',
  summary: 'The same, answered as the .xlsx of names, masked phones and codes to hand out',
  tags,
});

export const activateAccount = endpoint({
  method: 'POST',
  path: '/accounts/activate',
  body: ActivateBody,
  response: ActivatedAccount,
  permission: 'public',
  summary: 'First password of a bulk account, with its one-time activation code',
  tags,
});

export const selfActivate = endpoint({
  method: 'POST',
  path: '/accounts/self-activate',
  body: SelfActivateBody,
  response: ActivatedAccount,
  permission: 'public',
  summary: 'A member or household head in the directory proves who they are and sets a password',
  tags,
});
