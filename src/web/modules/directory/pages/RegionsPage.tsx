import { Card, Col, Drawer, Empty, Flex, Grid, Input, List, Row, Spin, Tree, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ItemList } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import { RegionKindTag } from '../../../ui/RegionKindTag';
import { RegionPanel } from '../components/RegionPanel';
import type { Region } from '../types';

interface TreeNode {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: TreeNode[];
}

/**
 * /directory/regions: the region tree of the caller's reach (市 → 区县 → 街道 → 社区/村 → 网格 →
 * 楼栋), opened level by level. The selected region (`?id=`) shows beside the tree, or in a
 * drawer on a phone. `?q=` searches by name anywhere in the reach.
 */
export function RegionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.region.write');
  const feedback = useFeedback();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const q = params.get('q') ?? '';

  const [roots, setRoots] = useState<Region[] | null>(null);
  const [rootsError, setRootsError] = useState<unknown>(null);
  const [children, setChildren] = useState<Record<string, Region[]>>({});
  const [updated, setUpdated] = useState<Record<string, Region>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const found = useApi<ItemList<Region>>(q ? '/regions' : null, { q });

  const loadChildren = useCallback(async (parentId: string) => {
    const answer = await api.get<ItemList<Region>>('/regions', { query: { parentId } });
    setChildren((previous) => ({ ...previous, [parentId]: answer.items }));
    return answer.items;
  }, []);

  /** Opens `region` and, while each level has a single child (市 → 区), the one below it too. */
  const openChain = useCallback(
    async (top: Region): Promise<void> => {
      let region: Region | undefined = top;
      for (let depth = 0; region && depth < 3; depth++) {
        const id = region.id;
        setExpanded((previous) => (previous.includes(id) ? previous : [...previous, id]));
        const below = await loadChildren(id);
        region = below.length === 1 && below[0] && below[0].childCount > 0 ? below[0] : undefined;
      }
    },
    [loadChildren],
  );

  /** Fetches one region again (its child count changed) and puts it in the tree. */
  const refreshRegion = useCallback(async (id: string) => {
    const region = await api.get<Region>(`/regions/${encodeURIComponent(id)}`);
    setUpdated((previous) => ({ ...previous, [id]: region }));
  }, []);

  const [rootsNonce, setRootsNonce] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    api.get<ItemList<Region>>('/regions', { signal: controller.signal }).then(
      (answer) => {
        setRoots(answer.items);
        setRootsError(null);
        // A single top region (the city, a street worker's street) is opened at once.
        const only = answer.items.length === 1 ? answer.items[0] : undefined;
        if (only && only.childCount > 0) openChain(only).catch(() => undefined);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setRootsError(error);
      },
    );
    return () => controller.abort();
  }, [openChain, rootsNonce]);

  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', id);
    else next.delete('id');
    setParams(next, { replace: true });
  };
  const search = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    setParams(next, { replace: true });
  };

  const title = (r: Region) => (
    <span className="gj-region-node" data-testid={`region-node-${r.name}`}>
      <span>{r.name}</span> <RegionKindTag kind={r.kind} village={r.village} />
      {r.childCount > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
          {r.childCount}
        </Typography.Text>
      )}
    </span>
  );
  const node = (original: Region): TreeNode => {
    const r = updated[original.id] ?? original;
    const below = children[r.id];
    return {
      key: r.id,
      title: title(r),
      isLeaf: r.childCount === 0 && (below === undefined || below.length === 0),
      children: below?.map(node),
    };
  };
  const treeData = (roots ?? []).map(node);

  const failSafe = (work: Promise<unknown>) => work.catch((error: unknown) => feedback.fail(error));
  const onAdded = (child: Region) => {
    if (!child.parentId) return;
    const parentId = child.parentId;
    void failSafe(Promise.all([loadChildren(parentId), refreshRegion(parentId)]));
    setExpanded((previous) => (previous.includes(parentId) ? previous : [...previous, parentId]));
  };
  const onUpdated = (region: Region) => setUpdated((previous) => ({ ...previous, [region.id]: region }));
  const onMoved = (region: Region, oldParentId: string | null) => {
    onUpdated(region);
    const work: Promise<unknown>[] = [];
    for (const parentId of [oldParentId, region.parentId]) {
      if (!parentId) continue;
      if (children[parentId]) work.push(loadChildren(parentId));
      work.push(refreshRegion(parentId));
    }
    if (oldParentId === null) setRootsNonce((n) => n + 1);
    void failSafe(Promise.all(work));
  };

  const panel = selectedId ? (
    <RegionPanel key={selectedId} regionId={selectedId} canWrite={canWrite} onAdded={onAdded} onUpdated={onUpdated} onMoved={onMoved} />
  ) : (
    <Empty description={t('region.pickHint')} style={{ padding: '48px 0' }} />
  );

  return (
    <>
      <PageHeader title={t('region.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={9}>
          <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              placeholder={t('region.searchPlaceholder')}
              onSearch={(value) => search(value.trim())}
              style={{ marginBottom: 12 }}
              data-testid="regions-search"
            />
            {rootsError !== null && <ErrorAlert error={rootsError} onRetry={() => setRootsNonce((n) => n + 1)} />}
            {q ? (
              <>
                {found.error && <ErrorAlert error={found.error} onRetry={found.reload} />}
                <List<Region>
                  size="small"
                  loading={found.loading}
                  dataSource={found.data?.items ?? []}
                  locale={{ emptyText: t('region.noneFound') }}
                  data-testid="regions-search-results"
                  renderItem={(r) => (
                    <List.Item
                      onClick={() => select(r.id)}
                      style={{ cursor: 'pointer', background: r.id === selectedId ? 'rgba(192,40,45,0.06)' : undefined }}
                    >
                      <Flex vertical gap={0}>
                        <span>
                          {r.name} <RegionKindTag kind={r.kind} village={r.village} />
                        </span>
                        {r.pathNames.length > 1 && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {r.pathNames.slice(0, -1).join(' / ')}
                          </Typography.Text>
                        )}
                      </Flex>
                    </List.Item>
                  )}
                />
              </>
            ) : roots === null && rootsError === null ? (
              <Flex justify="center" style={{ padding: 32 }}>
                <Spin />
              </Flex>
            ) : treeData.length === 0 ? (
              <Empty description={t('region.empty')} />
            ) : (
              <div data-testid="regions-tree">
              <Tree
                blockNode
                showLine
                treeData={treeData}
                loadData={async (n) => {
                  await loadChildren(String(n.key));
                }}
                loadedKeys={Object.keys(children)}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => {
                  // Clicking the selected region again keeps it selected.
                  if (keys[0] !== undefined) select(String(keys[0]));
                }}
              />
              </div>
            )}
          </Card>
        </Col>
        {!phone && (
          <Col md={14} xl={15}>
            <Card className="gj-sticky-panel">{panel}</Card>
          </Col>
        )}
      </Row>
      {phone && (
        <Drawer
          open={selectedId !== null}
          onClose={() => select(null)}
          size="100%"
          title={t('region.detail')}
          destroyOnHidden
          data-testid="region-drawer"
        >
          {panel}
        </Drawer>
      )}
    </>
  );
}
