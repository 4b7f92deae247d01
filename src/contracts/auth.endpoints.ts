/** The auth endpoints: login, me, logout, password change, personal API tokens. */
import Type from 'typebox';
import { IdParams } from './common';
import { endpoint } from './endpoint';
import { ApiToken, ChangePasswordBody, CreateTokenBody, CreatedToken, LoginBody, SessionResponse } from './auth';

const tags = ['auth'];

export const logIn = endpoint({
  method: 'POST',
  path: '/auth/login',
  body: LoginBody,
  response: SessionResponse,
  permission: 'public',
  summary: 'Log in with account (or phone) and password; sets the session cookie',
  tags,
});

export const getMe = endpoint({
  method: 'GET',
  path: '/auth/me',
  response: SessionResponse,
  permission: 'authenticated',
  allowWithExpiredPassword: true,
  summary: 'The current user with role assignments and permissions',
  tags,
});

export const logOut = endpoint({
  method: 'POST',
  path: '/auth/logout',
  permission: 'authenticated',
  allowWithExpiredPassword: true,
  summary: 'End this session',
  tags,
});

export const logOutEverywhere = endpoint({
  method: 'POST',
  path: '/auth/logout-all',
  permission: 'authenticated',
  allowWithExpiredPassword: true,
  sessionOnly: true,
  summary: 'End every session of the current user',
  tags,
});

export const changePassword = endpoint({
  method: 'POST',
  path: '/auth/password',
  body: ChangePasswordBody,
  permission: 'authenticated',
  allowWithExpiredPassword: true,
  sessionOnly: true,
  summary: 'Change the own password',
  tags,
});

export const listTokens = endpoint({
  method: 'GET',
  path: '/auth/tokens',
  response: Type.Object({ items: Type.Array(ApiToken) }),
  permission: 'auth.token.manage',
  sessionOnly: true,
  summary: 'The own personal API tokens',
  tags,
});

export const createToken = endpoint({
  method: 'POST',
  path: '/auth/tokens',
  body: CreateTokenBody,
  response: CreatedToken,
  status: 201,
  permission: 'auth.token.manage',
  sessionOnly: true,
  summary: 'Create a personal API token (the secret is shown once)',
  tags,
});

export const revokeToken = endpoint({
  method: 'DELETE',
  path: '/auth/tokens/:id',
  params: IdParams,
  permission: 'auth.token.manage',
  sessionOnly: true,
  summary: 'Revoke a personal API token',
  tags,
});
