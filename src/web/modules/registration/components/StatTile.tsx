import { Card, Progress, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** One number of the dashboard; with `expected` it shows `reported / expected` and a progress bar. */
export function StatTile({
  title,
  value,
  expected,
  to,
  tone,
  icon,
  'data-testid': dataTestId,
}: {
  title: string;
  value: number;
  expected?: number;
  /** A list behind the number. */
  to?: string;
  tone?: 'warning' | 'danger' | 'success';
  icon?: ReactNode;
  'data-testid'?: string;
}) {
  const color = tone === 'danger' ? '#cf1322' : tone === 'warning' ? '#d48806' : tone === 'success' ? '#389e0d' : undefined;
  const percent = expected ? Math.round((value / expected) * 100) : undefined;
  const card = (
    <Card size="small" hoverable={to !== undefined} style={{ height: '100%' }} data-testid={dataTestId}>
      <Statistic
        title={title}
        value={value}
        prefix={icon}
        suffix={expected !== undefined ? `/ ${expected}` : undefined}
        styles={{ content: { color } }}
      />
      {percent !== undefined && <Progress percent={percent} size="small" strokeColor="var(--gj-brand)" style={{ marginBottom: 0 }} />}
    </Card>
  );
  return to ? (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      {card}
    </Link>
  ) : (
    card
  );
}
