import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/useI18n';

/**
 * The search box and filters above a list. On a desktop they sit in one row; on a phone the search
 * box takes the row and the filters fold behind a button that shows how many are set, so that the
 * first results are on the first screen.
 */
export function ListFilters({
  search,
  children,
  active,
  onReset,
  phone,
  'data-testid': dataTestId,
}: {
  search: ReactNode;
  children?: ReactNode;
  /** How many filters (besides the search) are set. */
  active: number;
  onReset?: () => void;
  phone: boolean;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const reset = onReset && (
    <Button type="link" onClick={onReset} style={{ paddingInline: 4 }}>
      {t('common.reset')}
    </Button>
  );

  if (!phone) {
    return (
      <Flex gap="small" wrap align="center" style={{ marginBottom: 12 }} data-testid={dataTestId}>
        {search}
        {children}
        {reset}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid={dataTestId}>
      <Flex gap={8}>
        <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
        {children && (
          <Badge count={active} size="small" offset={[-4, 4]}>
            <Button
              icon={<FilterOutlined />}
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-label={t('common.filters')}
              type={open ? 'primary' : 'default'}
              ghost={open}
              data-testid="filters-toggle"
            />
          </Badge>
        )}
      </Flex>
      {open && children && (
        <Flex vertical gap={8}>
          {children}
          {reset}
        </Flex>
      )}
    </Flex>
  );
}
