import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The libraries every page needs, each its own long-cached chunk (they change far less often than the
 * app): React and the router, Ant Design, the query and tRPC clients. ECharts and exceljs are not listed:
 * they are imported lazily (`chart-canvas.tsx`, `excel/workbook.ts`) and stay out of the first load.
 */
const VENDOR_CHUNKS = [
  {
    name: 'react',
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 30,
  },
  {
    name: 'antd',
    test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/,
    priority: 20,
  },
  { name: 'query', test: /[\\/]node_modules[\\/](@tanstack|@trpc)[\\/]/, priority: 10 },
];

/**
 * Served under `/county/` by the hub's app server (`pnpm start`), which also proxies `/trpc` to the
 * gateway. `vite` (dev) proxies the same to a running hub: GATEWAY_URL, default the start's 4100.
 */
export default defineConfig({
  base: '/county/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1_000,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_CHUNKS } } },
  },
  server: {
    proxy: { '/trpc': process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100' },
  },
});
