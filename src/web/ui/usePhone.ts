import { Grid } from 'antd';

/** Whether the screen is a phone's (narrower than antd's `md`, 768 px): cards instead of tables. */
export function usePhone(): boolean {
  return !Grid.useBreakpoint().md;
}
