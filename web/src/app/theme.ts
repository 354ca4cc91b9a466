import type { ThemeConfig } from 'antd';

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", ' +
  '"Noto Sans SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const brandRed = '#9b1c1c';

/**
 * antd theme. Secondary text is darker than antd's default so every text passes WCAG AA contrast;
 * large-font mode raises the base size and the height of every control for older members.
 */
export function appTheme(largeFont: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1554ad',
      colorLink: '#1554ad',
      colorError: '#c62828',
      colorSuccess: '#2e7d32',
      colorWarning: '#b45309',
      colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
      colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
      colorTextDescription: 'rgba(0, 0, 0, 0.62)',
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
      colorBgLayout: '#f3f4f6',
      borderRadius: 6,
      fontFamily,
      fontSize: largeFont ? 18 : 14,
      controlHeight: largeFont ? 42 : 34,
    },
    components: {
      Layout: { headerBg: brandRed, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
      Menu: { itemHeight: largeFont ? 48 : 40 },
      Table: { headerBg: '#f5f6f8' },
    },
  };
}
