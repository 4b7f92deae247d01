import { Empty, Flex, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';
import type { I18n } from '../../../lib/i18n/I18nContext';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ItemList } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { Region, RegionHistoryEntry } from '../types';

const ACTION_COLORS: Record<string, string> = { create: 'green', rename: '#1f5fbf', move: 'orange', update: 'gray' };
const FIELD_KEYS: Record<string, 'region.name' | 'region.isVillage' | 'region.parent' | 'region.kind'> = {
  name: 'region.name',
  village: 'region.isVillage',
  parentId: 'region.parent',
  kind: 'region.kind',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parent ids an entry names (a move stores ids, not names). */
function parentIds(entry: RegionHistoryEntry): string[] {
  return [entry.before, entry.after]
    .map((side) => (isRecord(side) ? side.parentId : undefined))
    .filter((id): id is string => typeof id === 'string');
}

/** `名称：旧名 → 新名` for each field an entry changed that people can read; a parent by its path. */
function changes(i18n: I18n, entry: RegionHistoryEntry, names: Record<string, string>): string[] {
  const b = isRecord(entry.before) ? entry.before : {};
  const a = isRecord(entry.after) ? entry.after : {};
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return i18n.t('common.none');
    if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
    if (key === 'parentId' && typeof value === 'string') return names[value] ?? '…';
    if (key === 'kind' && typeof value === 'string') return i18n.tName('kind.region', value);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  };
  if (entry.action === 'create') {
    const lines = [`${i18n.t('region.name')}：${show('name', a.name)}`];
    if (a.village === true) lines.push(`${i18n.t('region.isVillage')}：${i18n.t('common.yes')}`);
    return lines;
  }
  return Object.keys(FIELD_KEYS)
    .filter((k) => (k in b || k in a) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${i18n.t(FIELD_KEYS[k]!)}：${show(k, b[k])} → ${show(k, a[k])}`);
}

/**
 * A region's history: created, renamed, moved, changed — newest first (GET /regions/:id/history).
 * The parents of a move are looked up by id to show their names. A new `version` fetches the
 * history again (after a change made on the page).
 */
export function RegionHistory({ regionId, version }: { regionId: string; version: number }) {
  const i18n = useI18n();
  const { tName, formatDateTime } = i18n;
  const history = useApi<ItemList<RegionHistoryEntry>>(`/regions/${encodeURIComponent(regionId)}/history`);
  const { reload } = history;
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const entries = [...(history.data?.items ?? [])].sort((x, y) => y.at.localeCompare(x.at));
  const missing = [...new Set(entries.flatMap(parentIds))].filter((id) => !(id in names)).sort().join(',');
  useEffect(() => {
    if (!missing) return undefined;
    let cancelled = false;
    const ids = missing.split(',');
    void Promise.all(
      ids.map((id) =>
        api.get<Region>(`/regions/${encodeURIComponent(id)}`).then(
          (r) => [id, r.pathNames.join(' / ')] as const,
          () => [id, i18n.t('region.unknownParent')] as const,
        ),
      ),
    ).then((pairs) => {
      if (!cancelled) setNames((previous) => ({ ...previous, ...Object.fromEntries(pairs) }));
    });
    return () => {
      cancelled = true;
    };
  }, [missing, i18n]);

  if (history.error) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  if (!history.loading && entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={i18n.t('region.noHistory')} />;
  }
  return (
    <Timeline
      data-testid="region-history"
      items={entries.map((e) => ({
        key: e.id,
        color: ACTION_COLORS[e.action] ?? 'gray',
        content: (
          <Flex vertical gap={0}>
            <Typography.Text strong>{tName('regionAction', e.action)}</Typography.Text>
            {changes(i18n, e, names).map((line) => (
              <Typography.Text key={line} style={{ fontSize: 13 }}>
                {line}
              </Typography.Text>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
