import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { generatePassword } from '../../../lib/password';
import { useI18n } from '../../../lib/i18n/useI18n';

/**
 * A password an administrator sets for someone else: shown in clear (it has to be passed on),
 * with a button that fills in a strong random one.
 */
export function GeneratedPasswordInput({
  value,
  onChange,
  id,
  'data-testid': dataTestId,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        autoComplete="new-password"
        spellCheck={false}
        className="gj-secret"
        data-testid={dataTestId}
      />
      <Tooltip title={t('password.generate')}>
        <Button
          icon={<ThunderboltOutlined />}
          aria-label={t('password.generate')}
          onClick={() => onChange?.(generatePassword())}
        />
      </Tooltip>
    </Space.Compact>
  );
}
