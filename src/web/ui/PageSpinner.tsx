import { Spin } from 'antd';

/** A centred spinner for a page (or the whole app) that is still loading. */
export function PageSpinner({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div className={fullScreen ? 'gj-center gj-center--screen' : 'gj-center'} data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}
