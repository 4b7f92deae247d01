import { EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';

/**
 * 查看完整号码: opens the reveal dialog. `compact` is an eye icon for a table cell (the words are
 * its tooltip and accessible name); otherwise a link button with the words.
 */
export function RevealButton({ onClick, compact = false }: { onClick: () => void; compact?: boolean }) {
  const { t } = useI18n();
  const label = t('reveal.action');
  if (compact) {
    return (
      <Tooltip title={label}>
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          aria-label={label}
          onClick={(e) => {
            e.stopPropagation();
            onClick();
          }}
          data-testid="reveal-button"
          style={{ height: 'auto', paddingBlock: 0 }}
        />
      </Tooltip>
    );
  }
  return (
    <Button type="link" size="small" icon={<EyeOutlined />} onClick={onClick} data-testid="reveal-button">
      {label}
    </Button>
  );
}
