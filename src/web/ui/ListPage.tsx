import { Button, Card, Empty, Flex, Input, Pagination, Spin, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { Fragment, useState, type Key, type ReactNode } from 'react';
import type { Query } from '../lib/api';
import { useI18n } from '../lib/i18n/useI18n';
import type { Page } from '../lib/types';
import type { ApiState } from '../lib/useApi';
import { PAGE_SIZES, type ListParams } from '../lib/useListParams';
import { ErrorAlert } from './ErrorAlert';
import { ExportButtons } from './ExportButtons';
import { ListFilters } from './ListFilters';
import { PageHeader } from './PageHeader';
import { usePhone } from './usePhone';

/** URL parameters that are not filters (they do not count as set filters). */
const NOT_FILTERS = new Set(['q', 'page', 'pageSize', 'sort', 'order']);

export interface ListPageProps<T> {
  /** The page's heading; absent: no header (the list sits inside another page). */
  title?: ReactNode;
  /** Buttons beside the heading (new, print…); the export button comes first by itself. */
  actions?: ReactNode;
  /** The list's state in the URL (useListParams). */
  list: ListParams;
  /** The page of rows (useApi of a paged route with the list's filters and paging). */
  result: ApiState<Page<T>>;
  columns: TableColumnsType<T>;
  rowKey?: (row: T) => string;
  /** One row as a card on a phone; without it phones get the table too. */
  renderCard?: (row: T) => ReactNode;
  /** The search box (q). */
  search?: { placeholder: string; phonePlaceholder?: string; width?: number };
  /** The filter controls beside the search box (folded behind a button on a phone). */
  filters?: ReactNode;
  /** What an empty list says. */
  empty: string;
  /** Test ids: `<testId>-table`, `-cards`, `-search`, `-filters`, `-export`, `-bulk`. */
  testId: string;
  /** 导出: the route giving the list as .xlsx, with the current filters (desktop only). */
  exportTo?: { path: string; query: Query; fileName: string; canFull?: boolean };
  /** Bulk actions on the rows ticked in the table: they get the rows and a way to clear the ticks. */
  bulkActions?: (selected: T[], clear: () => void) => ReactNode;
  /** More for the table (onRow, className, expandable…). */
  tableProps?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading' | 'pagination' | 'rowKey' | 'rowSelection'>;
  /** URL parameters that are not filters and stay on 重置 (a year, a tab). */
  keepOnReset?: readonly string[];
  /** Shown between the filters and the rows (a hint, a summary). */
  above?: ReactNode;
  /** Drawers and modals of the page. */
  children?: ReactNode;
}

const defaultKey = (row: unknown) => (row as { id: string }).id;

/**
 * A list page: heading with actions and export, the search box and filters (kept in the URL),
 * errors with a retry, the rows as a table on a desktop (sortable, paged, bulk selection) or as
 * cards on a phone (simple paging), and the empty state.
 */
export function ListPage<T>(props: ListPageProps<T>) {
  const { t } = useI18n();
  const phone = usePhone();
  const { list, result, testId, search } = props;
  const rowKey = props.rowKey ?? defaultKey;
  const [selectedKeys, setSelectedKeys] = useState<Key[]>([]);
  const items = result.data?.items ?? [];
  const total = result.data?.total ?? 0;
  const keep = props.keepOnReset ?? [];
  const resettable = [...list.params.keys()].filter((k) => !keep.includes(k) && k !== 'page' && k !== 'pageSize');
  const activeFilters = resettable.filter((k) => !NOT_FILTERS.has(k)).length;
  const reset = () => list.update(Object.fromEntries(resettable.map((k) => [k, undefined])));
  const selected = items.filter((row) => selectedKeys.includes(rowKey(row)));
  const clear = () => setSelectedKeys([]);

  const exportButtons = props.exportTo && !phone && (
    <ExportButtons
      path={props.exportTo.path}
      query={props.exportTo.query}
      canFull={props.exportTo.canFull ?? false}
      fileName={props.exportTo.fileName}
      testIdPrefix={testId}
    />
  );

  const searchBox = search && (
    <Input.Search
      key={list.q}
      defaultValue={list.q}
      allowClear
      enterKeyHint="search"
      placeholder={phone ? (search.phonePlaceholder ?? search.placeholder) : search.placeholder}
      onSearch={(value) => list.update({ q: value.trim() })}
      style={{ width: phone ? '100%' : (search.width ?? 240) }}
      data-testid={`${testId}-search`}
    />
  );

  const cards = props.renderCard && (
    <>
      {total > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
          {t('common.total', { total })}
        </Typography.Text>
      )}
      {!result.loading && items.length === 0 ? (
        <Empty description={props.empty} />
      ) : (
        <Spin spinning={result.loading}>
          <Flex vertical gap={8} data-testid={`${testId}-cards`}>
            {items.map((row) => (
              <Fragment key={rowKey(row)}>{props.renderCard!(row)}</Fragment>
            ))}
          </Flex>
        </Spin>
      )}
      {total > list.pageSize && (
        <Pagination
          simple
          current={list.page}
          pageSize={list.pageSize}
          total={total}
          onChange={(p) => list.update({ page: p === 1 ? undefined : p })}
          style={{ marginTop: 12, textAlign: 'center' }}
        />
      )}
    </>
  );

  const table = (
    <>
      {props.bulkActions && selected.length > 0 && (
        <Flex gap="small" wrap align="center" style={{ marginBottom: 8 }} data-testid={`${testId}-bulk`}>
          <Typography.Text>{t('common.selected', { n: selected.length })}</Typography.Text>
          {props.bulkActions(selected, clear)}
          <Button type="link" onClick={clear} style={{ paddingInline: 4 }}>
            {t('common.clearSelection')}
          </Button>
        </Flex>
      )}
      <Table<T>
        rowKey={rowKey}
        size="small"
        columns={props.columns}
        dataSource={items}
        loading={result.loading}
        onChange={list.onTableChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: props.empty }}
        rowSelection={props.bulkActions ? { selectedRowKeys: selectedKeys, onChange: setSelectedKeys, preserveSelectedRowKeys: false } : undefined}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        data-testid={`${testId}-table`}
        {...props.tableProps}
      />
    </>
  );

  return (
    <>
      {props.title !== undefined && (
        <PageHeader
          title={props.title}
          extra={
            (exportButtons || props.actions) && (
              <>
                {exportButtons}
                {props.actions}
              </>
            )
          }
        />
      )}
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        {(searchBox || props.filters) && (
          <ListFilters
            phone={phone}
            active={activeFilters}
            onReset={resettable.length > 0 ? reset : undefined}
            search={searchBox}
            data-testid={`${testId}-filters`}
          >
            {props.filters}
          </ListFilters>
        )}
        {props.above}
        {result.error && <ErrorAlert error={result.error} onRetry={result.reload} />}
        {phone && cards ? cards : table}
      </Card>
      {props.children}
    </>
  );
}
