import { Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { positiveInt } from '../../../lib/params';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import { PageSpinner } from '../../../ui/PageSpinner';
import { CATEGORY_COLORS, PRIORITY_COLORS, PROJECT_STATUS_COLORS } from '../constants';
import { useAutoReload } from '../hooks/useAutoReload';
import { useRotation } from '../hooks/useRotation';
import { thisYear } from '../scopes';
import type { Wall } from '../types';
import '../lists.css';

const PER_PAGE = 8;
const ROTATE_MS = 15_000;
const RELOAD_MS = 60_000;

type Panel =
  | { kind: 'needs'; items: Wall['needs'] }
  | { kind: 'projects'; items: Wall['projects'] }
  | { kind: 'resources'; items: Wall['resources'] };

function chunk<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/**
 * /wall/lists/:communityId[?year=] — public, no login: a community's published lists on a wall
 * screen (大屏). Big type; needs, projects and the paired units' resources take turns every 15 s
 * (eight to a page); the data is fetched again every minute. Names of units only, no personal data.
 */
export function WallPage() {
  const { communityId = '' } = useParams();
  const [params] = useSearchParams();
  const { t, formatDateTime } = useI18n();
  const year = positiveInt(params.get('year'), thisYear());
  const wall = useApi<Wall>(`/public/lists/communities/${encodeURIComponent(communityId)}/wall`, { year });
  useAutoReload(wall.reload, RELOAD_MS);
  const data = wall.data;

  const panels: Panel[] = data
    ? [
        ...chunk(data.needs, PER_PAGE).map((items) => ({ kind: 'needs' as const, items })),
        ...chunk(data.projects, PER_PAGE).map((items) => ({ kind: 'projects' as const, items })),
        ...(data.resources.length > 0 ? chunk(data.resources, PER_PAGE).map((items) => ({ kind: 'resources' as const, items })) : []),
      ]
    : [];
  const { index, go } = useRotation(panels.length, ROTATE_MS);

  if (!data) {
    return (
      <div className="gj-wall">
        {wall.error ? <ErrorAlert error={wall.error} onRetry={wall.reload} /> : <PageSpinner fullScreen />}
      </div>
    );
  }

  const panel = panels[index] ?? panels[0]!;
  const counts = [
    { key: 'needs', label: t('lists.wall.needsPublished'), value: data.counts.needsPublished },
    { key: 'open', label: t('lists.wall.projectsOpen'), value: data.counts.projectsOpen },
    { key: 'progress', label: t('lists.wall.projectsInProgress'), value: data.counts.projectsInProgress },
    { key: 'completed', label: t('lists.wall.projectsCompleted'), value: data.counts.projectsCompleted },
  ];

  let body;
  switch (panel.kind) {
    case 'needs':
      body = panel.items.map((n) => (
        <div key={n.id} className="gj-wall__item" data-testid="wall-need">
          <div className="gj-wall__item-title">{n.title}</div>
          <div className="gj-wall__item-meta">
            <Tag color={CATEGORY_COLORS[n.category]}>{t(`lists.category.${n.category}`)}</Tag>
            {n.priority !== 'normal' && <Tag color={PRIORITY_COLORS[n.priority]}>{t(`lists.priority.${n.priority}`)}</Tag>}
            {n.beneficiaries && <span>{n.beneficiaries}</span>}
          </div>
        </div>
      ));
      break;
    case 'projects':
      body = panel.items.map((p) => {
        const percent = p.milestonesTotal > 0 ? Math.round((p.milestonesDone / p.milestonesTotal) * 100) : 0;
        return (
          <div key={p.id} className="gj-wall__item" data-testid="wall-project">
            <div className="gj-wall__item-title">{p.title}</div>
            <div className="gj-wall__item-meta">
              <Tag color={PROJECT_STATUS_COLORS[p.status]}>{t(`lists.projectStatus.${p.status}`)}</Tag>
              {(p.leadUnitName || p.claimedBy.length > 0) && <span>{[...new Set([p.leadUnitName, ...p.claimedBy].filter(Boolean))].join('、')}</span>}
              {p.ratingAverage !== null && <span>★ {p.ratingAverage.toFixed(1)}</span>}
            </div>
            {p.milestonesTotal > 0 && (
              <>
                <div className="gj-wall__bar" aria-label={t('lists.wall.milestones', { done: p.milestonesDone, total: p.milestonesTotal })}>
                  <span style={{ width: `${percent}%` }} />
                </div>
                <div className="gj-wall__item-meta">{t('lists.wall.milestones', { done: p.milestonesDone, total: p.milestonesTotal })}</div>
              </>
            )}
          </div>
        );
      });
      break;
    case 'resources':
      body = panel.items.map((r) => (
        <div key={r.id} className="gj-wall__item" data-testid="wall-resource">
          <div className="gj-wall__item-title">{r.title}</div>
          <div className="gj-wall__item-meta">
            <Tag>{t(`lists.resourceKind.${r.kind}`)}</Tag>
            <span>{r.unitName}</span>
          </div>
        </div>
      ));
      break;
  }

  const panelTitle = {
    needs: t('lists.wall.needs'),
    projects: t('lists.wall.projects', { year: data.year }),
    resources: t('lists.wall.resources'),
  }[panel.kind];

  return (
    <div className="gj-wall" data-testid="wall" data-panel={panel.kind}>
      <div className="gj-wall__head">
        <div>
          <h1 className="gj-wall__title" data-testid="wall-title">
            {t('lists.wall.title', { community: data.communityName })}
          </h1>
          <div className="gj-wall__sub">
            {data.streetName ? `${data.streetName} · ` : ''}
            {t('lists.yearLabel', { year: data.year })}
          </div>
        </div>
        <LanguageSwitch size="small" />
      </div>
      <div className="gj-wall__counts">
        {counts.map((c) => (
          <div key={c.key} className="gj-wall__count" data-testid={`wall-count-${c.key}`}>
            <b>{c.value}</b>
            {c.label}
          </div>
        ))}
      </div>
      <h2 className="gj-wall__panel-title">{panelTitle}</h2>
      <div className="gj-wall__grid">{panel.items.length > 0 ? body : <div className="gj-wall__empty">{t('lists.wall.empty')}</div>}</div>
      <div className="gj-wall__foot">
        <span>{t('lists.wall.updated', { at: formatDateTime(data.generatedAt) })}</span>
        {panels.length > 1 && (
          <div className="gj-wall__dots">
            {panels.map((p, i) => (
              <button key={i} type="button" aria-current={i === index} aria-label={`${i + 1}`} onClick={() => go(i)} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
