import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cityReference } from './src/reference-data.ts';

/**
 * The libraries every page needs, each its own long-cached chunk (they change far less often than the
 * app), as the county and province consoles split them: React and the router, Ant Design, the query and
 * tRPC clients.
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
 * Served under `/city/` by the hub's app server (`pnpm start`), which also proxies `/trpc` to the
 * gateway. `vite` (dev) proxies the same to a running hub: GATEWAY_URL, default the start's 4100.
 * `cityReference()` bundles the published catalogs and plan targets (`virtual:city-reference`).
 */
export default defineConfig({
  base: '/city/',
  plugins: [react(), cityReference()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: { output: { codeSplitting: { groups: VENDOR_CHUNKS } } },
  },
  server: {
    proxy: { '/trpc': process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100' },
  },
});
