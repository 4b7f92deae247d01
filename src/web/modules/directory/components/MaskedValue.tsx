import { Space, Typography } from 'antd';
import { RevealButton } from './RevealButton';

/** A masked phone or ID number (`138****5678`), with the reveal button when `onReveal` is given. */
export function MaskedValue({
  value,
  onReveal,
  compact = true,
}: {
  value: string | null | undefined;
  onReveal?: () => void;
  compact?: boolean;
}) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={2} wrap={!compact}>
      <span className="gj-masked">{value}</span>
      {onReveal && <RevealButton compact={compact} onClick={onReveal} />}
    </Space>
  );
}
