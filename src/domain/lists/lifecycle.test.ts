import { describe, expect, it } from 'vitest';
import {
  claimRuleProgress,
  holdsSlot,
  initialClaimStatus,
  nextClaimStatus,
  nextNeedStatus,
  nextProjectStatus,
  nextResourceStatus,
  projectTakesClaims,
  signOffReasonMissing,
  type ProjectEvent,
  type ProjectStatus,
} from './lifecycle';

describe('need lifecycle', () => {
  it('publishes drafts, closes and reopens', () => {
    expect(nextNeedStatus('draft', 'publish')).toBe('published');
    expect(nextNeedStatus('published', 'close')).toBe('closed');
    expect(nextNeedStatus('draft', 'close')).toBe('closed');
    expect(nextNeedStatus('closed', 'reopen')).toBe('published');
  });
  it('refuses what makes no sense', () => {
    expect(nextNeedStatus('published', 'publish')).toBeNull();
    expect(nextNeedStatus('closed', 'close')).toBeNull();
    expect(nextNeedStatus('published', 'reopen')).toBeNull();
    expect(nextNeedStatus('closed', 'edit')).toBeNull();
    expect(nextNeedStatus('published', 'edit')).toBe('published');
  });
});

describe('resource lifecycle', () => {
  it('publishes, withdraws and republishes', () => {
    expect(nextResourceStatus('draft', 'publish')).toBe('published');
    expect(nextResourceStatus('published', 'withdraw')).toBe('withdrawn');
    expect(nextResourceStatus('withdrawn', 'publish')).toBe('published');
    expect(nextResourceStatus('draft', 'withdraw')).toBeNull();
    expect(nextResourceStatus('published', 'publish')).toBeNull();
    expect(nextResourceStatus('withdrawn', 'edit')).toBeNull();
  });
});

describe('project lifecycle', () => {
  const all: ProjectStatus[] = ['draft', 'open', 'in_progress', 'submitted', 'completed', 'cancelled'];
  const table: Record<ProjectEvent, Partial<Record<ProjectStatus, ProjectStatus>>> = {
    edit: { draft: 'draft', open: 'open' },
    publish: { draft: 'open' },
    start: { open: 'in_progress', in_progress: 'in_progress' },
    release: { in_progress: 'open', open: 'open' },
    submit: { in_progress: 'submitted' },
    approve: { submitted: 'completed' },
    send_back: { submitted: 'in_progress' },
    cancel: { draft: 'cancelled', open: 'cancelled', in_progress: 'cancelled' },
  };
  for (const [event, allowed] of Object.entries(table) as Array<[ProjectEvent, Partial<Record<ProjectStatus, ProjectStatus>>]>) {
    it(`${event}: allowed only from ${Object.keys(allowed).join(', ')}`, () => {
      for (const s of all) expect(nextProjectStatus(s, event), `${s} + ${event}`).toBe(allowed[s] ?? null);
    });
  }
  it('takes claims only while open or under way', () => {
    expect(all.filter(projectTakesClaims)).toEqual(['open', 'in_progress']);
  });
  it('ends completed and cancelled projects for good', () => {
    for (const e of Object.keys(table) as ProjectEvent[]) {
      expect(nextProjectStatus('completed', e)).toBeNull();
      expect(nextProjectStatus('cancelled', e)).toBeNull();
    }
  });
});

describe('claim lifecycle', () => {
  it('starts self-claims active and assigned claims pending', () => {
    expect(initialClaimStatus('self')).toBe('active');
    expect(initialClaimStatus('assigned')).toBe('pending');
  });
  it('lets the assignee accept or decline a pending claim only', () => {
    expect(nextClaimStatus('pending', 'accept')).toBe('active');
    expect(nextClaimStatus('pending', 'decline')).toBe('declined');
    expect(nextClaimStatus('active', 'accept')).toBeNull();
    expect(nextClaimStatus('declined', 'accept')).toBeNull();
    expect(nextClaimStatus('active', 'decline')).toBeNull();
  });
  it('withdraws open claims, and holds a slot only while pending or active', () => {
    expect(nextClaimStatus('active', 'withdraw')).toBe('withdrawn');
    expect(nextClaimStatus('withdrawn', 'withdraw')).toBeNull();
    expect(['pending', 'active', 'declined', 'withdrawn'].filter((s) => holdsSlot(s as never))).toEqual(['pending', 'active']);
  });
});

describe('sign-off and the yearly rule', () => {
  it('needs a reason to send back', () => {
    expect(signOffReasonMissing('send_back', null)).toBe(true);
    expect(signOffReasonMissing('send_back', ' ')).toBe(true);
    expect(signOffReasonMissing('send_back', '照片不全')).toBe(false);
    expect(signOffReasonMissing('approve', null)).toBe(false);
  });
  it('measures a unit against the minimum', () => {
    expect(claimRuleProgress(1, 2)).toEqual({ met: false, ratio: 0.5 });
    expect(claimRuleProgress(3, 2)).toEqual({ met: true, ratio: 1 });
    expect(claimRuleProgress(0, 0)).toEqual({ met: true, ratio: 1 });
  });
});
