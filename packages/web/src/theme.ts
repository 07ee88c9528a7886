import type { ThemeConfig } from 'antd';

/**
 * Ant Design's theme for every console, darkened where its defaults fall short of WCAG 2 AA contrast
 * (4.5:1 for body text; axe-core's `color-contrast` rule, checked by tests/web/a11y.e2e.test.ts): the
 * primary blue (links, selected menu item, primary buttons' white text) is blue-7 instead of blue-6, and
 * secondary and description text are 65% black instead of 45%.
 */
export const CONSOLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  },
};

/**
 * Tag colours have no theme token of their own: their text is set darker here (each ≥ 4.5:1 on its tinted
 * background), for the status and severity tags every table shows. `!important`: Ant Design's CSS-in-JS
 * rules for tag variants are more specific than any plain class selector.
 */
export const CONSOLE_CSS = `
.ant-tag.ant-tag-success, .ant-tag.ant-tag-green { color: #135200 !important; }
.ant-tag.ant-tag-warning, .ant-tag.ant-tag-orange, .ant-tag.ant-tag-gold { color: #873800 !important; }
.ant-tag.ant-tag-error, .ant-tag.ant-tag-red { color: #820014 !important; }
.ant-tag.ant-tag-processing, .ant-tag.ant-tag-blue { color: #002c8c !important; }
`;
