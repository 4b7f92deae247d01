import { Progress } from 'antd';

/** Milestones done out of all, as a small bar with "2/4". */
export function MilestoneProgress({ done, total, width = 120 }: { done: number; total: number; width?: number }) {
  if (total === 0) return null;
  return (
    <Progress
      percent={Math.round((done / total) * 100)}
      size="small"
      format={() => `${done}/${total}`}
      status={done === total ? 'success' : 'normal'}
      style={{ width, margin: 0 }}
    />
  );
}
