import type { TableProps } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { oneOf, positiveInt } from './params';

/** The page size of every list unless the URL says otherwise, and the sizes offered. */
export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

type SortOrder = 'asc' | 'desc';

/** What a list page needs of the list's state in the URL (see useListParams). */
export interface ListParams {
  params: URLSearchParams;
  q: string;
  page: number;
  pageSize: number;
  /** Changes some parameters; any change but paging goes back to page 1. */
  update: (changes: Record<string, string | number | boolean | undefined | null>) => void;
  reset: () => void;
  onTableChange: NonNullable<TableProps<any>['onChange']>;
}

/**
 * The state of a server-paged list kept in the URL: search, filters, page, page size and sorting.
 * `update` changes some parameters; any change but paging goes back to page 1.
 */
export function useListParams<S extends string>(sortFields: readonly S[]) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  const sort = oneOf(params.get('sort'), sortFields);
  const order: SortOrder | undefined = sort ? oneOf(params.get('order'), ['asc', 'desc'] as const) : undefined;

  const update = (changes: Record<string, string | number | boolean | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '' || value === false) next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const reset = () => setParams(new URLSearchParams(), { replace: true });

  /** The antd sort order of a column. */
  const sortOrder = (field: S) => (sort === field ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null);

  /** For a Table's onChange: paging and sorting into the URL. */
  const onTableChange: NonNullable<TableProps<any>['onChange']> = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = oneOf(typeof s?.field === 'string' ? s.field : typeof s?.columnKey === 'string' ? s.columnKey : null, sortFields);
    const nextSort = s?.order ? field : undefined;
    const nextOrder = s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined;
    const sortChanged = nextSort !== sort || nextOrder !== order;
    update({
      sort: nextSort,
      order: nextOrder,
      pageSize: pagination.pageSize === DEFAULT_PAGE_SIZE ? undefined : pagination.pageSize,
      ...(sortChanged ? {} : { page: pagination.current === 1 ? undefined : pagination.current }),
    });
  };

  return { params, q, page, pageSize, sort, order, update, reset, sortOrder, onTableChange };
}
