import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * One row of a list as a card on a phone: the title (bold) with its status tag on the first line,
 * the details below; with `to`, the whole card is a link to the record.
 */
export function RowCard({
  to,
  title,
  tag,
  children,
  testId,
  id,
}: {
  to?: string;
  title: ReactNode;
  tag?: ReactNode;
  children?: ReactNode;
  testId: string;
  id: string;
}) {
  const card = (
    <Card size="small" hoverable={to !== undefined} data-testid={testId} data-id={id}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0 }}>
          {title}
        </Typography.Text>
        {tag}
      </Flex>
      {children}
    </Card>
  );
  return to ? (
    <Link to={to} style={{ color: 'inherit' }}>
      {card}
    </Link>
  ) : (
    card
  );
}
