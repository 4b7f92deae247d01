import { DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Flex, Result, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { childKindOf, parentKindOf } from '../regionKinds';
import type { Region } from '../types';
import { MoveRegionModal } from './MoveRegionModal';
import { RegionHistory } from './RegionHistory';
import { RegionKindTag } from '../../../ui/RegionKindTag';
import { RegionNameModal, type RegionNameMode } from './RegionNameModal';

/**
 * The selected region: where it sits, how many children it has, its history, and (with
 * directory.region.write) add a child, rename, move, mark as a village.
 */
export function RegionPanel({
  regionId,
  canWrite,
  onAdded,
  onUpdated,
  onMoved,
}: {
  regionId: string;
  canWrite: boolean;
  onAdded: (child: Region) => void;
  onUpdated: (region: Region) => void;
  onMoved: (region: Region, oldParentId: string | null) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const region = useApi<Region>(`/regions/${encodeURIComponent(regionId)}`);
  const [version, setVersion] = useState(0);
  const [naming, setNaming] = useState<RegionNameMode | null>(null);
  const [moving, setMoving] = useState<Region | null>(null);
  const [savingVillage, setSavingVillage] = useState(false);

  const data = region.data?.id === regionId ? region.data : undefined;
  if (region.error?.status === 404) return <Result status="404" title={t('error.NOT_FOUND')} />;
  if (!data) return region.error ? <ErrorAlert error={region.error} onRetry={region.reload} /> : <PageSpinner />;

  const childKind = childKindOf(data.kind);
  const parentKind = parentKindOf(data.kind);
  const changed = () => {
    region.reload();
    setVersion((v) => v + 1);
  };

  const toggleVillage = async (village: boolean) => {
    setSavingVillage(true);
    try {
      const saved = await api.patch<Region>(`/regions/${encodeURIComponent(data.id)}`, { village });
      feedback.ok(t('common.saved'));
      onUpdated(saved);
      changed();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setSavingVillage(false);
    }
  };

  return (
    <div data-testid="region-panel">
      <Flex vertical gap={4}>
        <Space size="small" wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="region-panel-name">
            {data.name}
          </Typography.Title>
          <RegionKindTag kind={data.kind} village={data.village} />
        </Space>
        {data.pathNames.length > 1 && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {data.pathNames.slice(0, -1).join(' / ')}
          </Typography.Text>
        )}
      </Flex>
      {canWrite && (
        <Flex gap="small" wrap style={{ marginTop: 12 }}>
          {childKind && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setNaming({ mode: 'add', parent: data })}
              data-testid="region-add-child"
            >
              {t('region.addChild', { kind: t(`kind.region.${childKind}`) })}
            </Button>
          )}
          <Button icon={<EditOutlined />} onClick={() => setNaming({ mode: 'rename', region: data })} data-testid="region-rename">
            {t('region.rename')}
          </Button>
          {parentKind && data.parentId && (
            <Button icon={<DragOutlined />} onClick={() => setMoving(data)} data-testid="region-move">
              {t('region.move')}
            </Button>
          )}
        </Flex>
      )}
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 16 }}
        items={[
          { key: 'kind', label: t('region.kind'), children: <RegionKindTag kind={data.kind} village={data.village} /> },
          {
            key: 'children',
            label: t('region.children'),
            children: childKind ? t('region.childCount', { n: data.childCount, kind: t(`kind.region.${childKind}`) }) : t('common.none'),
          },
          ...(data.kind === 'community'
            ? [
                {
                  key: 'village',
                  label: t('region.isVillage'),
                  children: canWrite ? (
                    <Switch
                      checked={data.village}
                      loading={savingVillage}
                      onChange={(v) => void toggleVillage(v)}
                      checkedChildren={t('kind.region.village')}
                      unCheckedChildren={t('kind.region.community')}
                      data-testid="region-village-toggle"
                    />
                  ) : data.village ? (
                    t('common.yes')
                  ) : (
                    t('common.no')
                  ),
                },
              ]
            : []),
        ]}
      />
      <Divider titlePlacement="start" plain>
        {t('region.history')}
      </Divider>
      <RegionHistory regionId={data.id} version={version} />
      <RegionNameModal
        target={naming}
        onClose={() => setNaming(null)}
        onSaved={(saved) => {
          const adding = naming?.mode === 'add';
          setNaming(null);
          if (adding) onAdded(saved);
          else onUpdated(saved);
          changed();
        }}
      />
      <MoveRegionModal
        region={moving}
        onClose={() => setMoving(null)}
        onMoved={(moved, oldParentId) => {
          setMoving(null);
          onMoved(moved, oldParentId);
          changed();
        }}
      />
    </div>
  );
}
