import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface Crumb {
  title: string;
  to?: string;
}

/** The title row of a page: breadcrumbs above, title left, actions right (they wrap on a phone). */
export function PageHeader({ title, crumbs, extra }: { title: ReactNode; crumbs?: Crumb[]; extra?: ReactNode }) {
  return (
    <div className="gj-page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra && (
          <Flex gap="small" wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </div>
  );
}
