import { Flex, TreeSelect, Typography } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n/useI18n';
import type { ItemList } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useDebounced } from '../lib/useDebounced';
import type { Region, RegionKind } from '../../contracts/directory';
import { RegionKindTag } from './RegionKindTag';

interface RegionSelectProps {
  value?: string | null;
  onChange?: (id: string | undefined, region: Region | undefined) => void;
  /** Only regions of these kinds can be picked; the others are there to find the way down. */
  kinds?: readonly RegionKind[];
  /** Regions of this kind are not opened (nothing below them is wanted). */
  deepest?: RegionKind;
  /** A region that cannot be picked, nor anything below it (moving a region under itself). */
  exclude?: string;
  /** The name to show for the current value before the tree has loaded it. */
  valueLabel?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface Node {
  id: string;
  pId: string | null;
  value: string;
  label: string;
  title: ReactNode;
  isLeaf: boolean;
  selectable: boolean;
  disabled?: boolean;
}

/**
 * Picks a region: the tree of the caller's reach, opened level by level (GET /regions?parentId=),
 * or, when a name is typed, the regions that match it anywhere (GET /regions?q=) with their path.
 */
export function RegionSelect({
  value,
  onChange,
  kinds,
  deepest,
  exclude,
  valueLabel,
  placeholder,
  allowClear = true,
  disabled,
  id,
  style,
  'data-testid': dataTestId,
}: RegionSelectProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const [loaded, setLoaded] = useState<Region[]>([]);
  const [picked, setPicked] = useState<Region | undefined>(undefined);
  const q = useDebounced(search.trim(), 250);
  const kind = kinds?.length === 1 ? kinds[0] : undefined;

  const roots = useApi<ItemList<Region>>(opened ? '/regions' : null);
  const found = useApi<ItemList<Region>>(q ? '/regions' : null, { q, kind });

  const known = (regionId: string) =>
    roots.data?.items.find((r) => r.id === regionId) ??
    loaded.find((r) => r.id === regionId) ??
    found.data?.items.find((r) => r.id === regionId) ??
    (picked?.id === regionId ? picked : undefined);

  const current = value ? known(value) : undefined;
  const fetched = useApi<Region>(value && !current && !valueLabel ? `/regions/${encodeURIComponent(value)}` : null);
  const label = current?.name ?? valueLabel ?? (fetched.data && fetched.data.id === value ? fetched.data.name : undefined) ?? value ?? undefined;

  const pickable = (r: Region) => (!kinds || kinds.includes(r.kind)) && r.id !== exclude;
  const node = (r: Region, pId: string | null, title: ReactNode, leaf = false): Node => ({
    id: r.id,
    pId,
    value: r.id,
    label: r.name,
    title,
    isLeaf: leaf || r.childCount === 0 || r.kind === deepest || r.id === exclude,
    selectable: pickable(r),
    disabled: r.id === exclude,
  });
  const nodeTitle = (r: Region, path?: string) => (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <Flex gap={6} align="center">
        <span>{r.name}</span>
        <RegionKindTag kind={r.kind} village={r.village} />
      </Flex>
      {path && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {path}
        </Typography.Text>
      )}
    </Flex>
  );

  const searching = q !== '' && search.trim() !== '';
  const treeData: Node[] = searching
    ? (found.data?.items ?? []).map((r) => node(r, null, nodeTitle(r, r.pathNames.slice(0, -1).join(' / ')), true))
    : [
        ...(roots.data?.items ?? []).map((r) => node(r, null, nodeTitle(r))),
        ...loaded.map((r) => node(r, r.parentId, nodeTitle(r))),
      ];

  const loadData = async (treeNode: { value?: unknown }) => {
    const parentId = String(treeNode.value);
    if (loaded.some((r) => r.parentId === parentId)) return;
    const children = await api.get<ItemList<Region>>('/regions', { query: { parentId } });
    setLoaded((previous) => [...previous.filter((r) => r.parentId !== parentId), ...children.items]);
  };

  return (
    <TreeSelect<{ value: string; label: string } | undefined>
      id={id}
      data-testid={dataTestId}
      value={value ? { value, label: label ?? value } : undefined}
      labelInValue
      treeDataSimpleMode
      treeData={treeData}
      treeNodeLabelProp="label"
      loadData={searching ? undefined : loadData}
      treeExpandAction="click"
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false, autoClearSearchValue: true }}
      onOpenChange={(open) => {
        if (open) setOpened(true);
        else setSearch('');
      }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('region.pickPlaceholder')}
      notFoundContent={roots.loading || found.loading ? t('common.loading') : t('region.noneFound')}
      onChange={(next) => {
        const region = next ? known(next.value) : undefined;
        setPicked(region);
        setSearch('');
        onChange?.(next?.value, region);
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 16px)', minWidth: 240 } } }}
      style={{ width: '100%', ...style }}
    />
  );
}
