import { describe, expect, it } from 'vitest';
import Type from 'typebox';
import { endpoint, endpointPath } from './endpoint';

describe('endpoint', () => {
  it('answers 200 by default and 204 when it declares no response', () => {
    const withAnswer = endpoint({ method: 'GET', path: '/x', response: Type.Object({}), permission: 'public', summary: 'x' });
    const without = endpoint({ method: 'DELETE', path: '/x/:id', permission: 'public', summary: 'x' });
    const created = endpoint({ method: 'POST', path: '/x', response: Type.Object({}), status: 201, permission: 'public', summary: 'x' });
    expect([withAnswer.status, without.status, created.status]).toEqual([200, 204, 201]);
  });

  it('fills path parameters in, encoded, and refuses a missing one', () => {
    const ep = { path: '/lists/projects/:id/reports/:reportId' };
    expect(endpointPath(ep, { id: 'a/b c', reportId: 7 })).toBe('/lists/projects/a%2Fb%20c/reports/7');
    expect(() => endpointPath(ep, { id: 'a' })).toThrow(/reportId/);
  });
});
