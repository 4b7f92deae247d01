import type { ThemeConfig } from 'antd';

/** Party red as the brand colour; compact enough for the dense staff tables. */
export const BRAND_COLOR = '#c0282d';

export const theme: ThemeConfig = {
  cssVar: { key: 'gj' },
  token: {
    colorPrimary: BRAND_COLOR,
    // Links stay blue so that red keeps meaning "brand" and "danger", not "click here".
    colorLink: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56, siderBg: '#ffffff' },
    Table: { cellPaddingBlockSM: 6 },
  },
};
