import { describe, expect, it } from 'vitest';
import { ROLES } from '../domain/access/roles';
import { RoleName } from './auth';

describe('RoleName', () => {
  it('lists exactly the roles of the access rules', () => {
    const literals = (RoleName.anyOf as Array<{ const: string }>).map((s) => s.const);
    expect(literals.sort()).toEqual([...ROLES].sort());
  });
});
