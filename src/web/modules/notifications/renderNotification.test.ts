import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../app/dictionaries';
import { interpolate } from '../../lib/i18n/messages';
import type { NotificationKind, NotificationParams } from '../../../contracts/notifications';
import { renderNotification } from './renderNotification';

const lookupIn = (messages: Readonly<Record<string, string>>) => (key: string, vars?: Record<string, string | number>) => {
  const m = messages[key];
  return m === undefined ? undefined : interpolate(m, vars);
};
// The dictionaries the app runs with: its own strings and every module's.
const zh = lookupIn(DICTIONARIES['zh-CN']);
const en = lookupIn(DICTIONARIES['en-US']);

/** One example of every kind the server writes: a missing wording fails here. */
const EXAMPLES: { [K in NotificationKind]: NotificationParams[K] } = {
  'registration.confirmed': { communityName: '幸福社区', cardNo: 'BD2026000123' },
  'registration.rejected': { communityName: '幸福社区', reason: '请补充在职证明' },
  'registration.reminder': { communityName: '幸福社区', cycleName: '2026年双报到', endsOn: '2026-12-31' },
  'registration.unit_reminder': { unitName: '市税务局', communityName: '翠湖社区', cycleName: '2026年双报到', endsOn: '2026-12-31' },
  'agreement.expiring': { agreementTitle: '结对共建协议', termEnd: '2027-01-05' },
  'volunteering.supplementary.approved': { activityTitle: '周末义诊', hours: 2.5 },
  'volunteering.supplementary.rejected': { activityTitle: '周末义诊', note: '无签到记录' },
  'volunteering.correction.approved': { activityTitle: '周末义诊', hours: 3 },
  'volunteering.correction.rejected': { activityTitle: '周末义诊', note: '时长无误' },
  'volunteering.promoted': { activityTitle: '周末义诊' },
  'volunteering.cancelled': { activityTitle: '周末义诊', reason: '天气原因' },
  'volunteering.quota_behind': { year: 2026, quarter: 4, hoursShort: 4, hoursDone: 2, hoursRequired: 6, daysRemaining: 20 },
  'lists.claim.assigned': { projectTitle: '楼道灯维修' },
  'lists.project.signed_off': { projectTitle: '楼道灯维修' },
  'lists.project.sent_back': { projectTitle: '楼道灯维修', reason: '请补充施工后照片' },
};

describe('renderNotification', () => {
  it('words every kind in both languages, with every parameter filled in', () => {
    for (const [kind, params] of Object.entries(EXAMPLES)) {
      for (const [lang, lookup] of [
        ['zh-CN', zh],
        ['en-US', en],
      ] as const) {
        const text = renderNotification({ kind, params }, lookup);
        const generic = renderNotification({ kind: 'no.such.kind', params: {} }, lookup);
        expect(text.title, `${kind} in ${lang}`).not.toBe(generic.title);
        expect(`${text.title} ${text.body}`, `${kind} in ${lang}`).not.toMatch(/\{\w+\}/);
        const shown = Object.values(params as Record<string, string | number>).filter((v) => `${text.title} ${text.body}`.includes(String(v)));
        expect(shown.length, `${kind} in ${lang} shows its parameters`).toBeGreaterThan(0);
      }
    }
  });

  it('puts the parameters in the reader’s language', () => {
    const n = { kind: 'lists.project.sent_back', params: { projectTitle: '楼道灯维修', reason: '请补充施工后照片' } };
    expect(renderNotification(n, zh)).toEqual({ title: '项目被退回：楼道灯维修', body: '请补充施工后照片' });
    expect(renderNotification(n, en)).toEqual({ title: 'Project sent back: 楼道灯维修', body: '请补充施工后照片' });
    expect(renderNotification({ kind: 'volunteering.quota_behind', params: EXAMPLES['volunteering.quota_behind'] }, en).title).toBe('Q4 2026: 4 volunteer hours short');
  });

  it('falls back to a generic text for a kind it does not know, never the raw key', () => {
    const zhText = renderNotification({ kind: 'summons.issued', params: { x: 1 } }, zh);
    const enText = renderNotification({ kind: 'summons.issued', params: { x: 1 } }, en);
    expect(zhText.title).toBe('您有一条新通知');
    expect(enText.title).toBe('You have a new notification');
    expect(`${zhText.title}${zhText.body}${enText.title}${enText.body}`).not.toContain('summons');
  });
});
