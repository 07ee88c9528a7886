import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Served under `/province/` by the hub's app server (`pnpm start`), which also proxies `/trpc` to the
 * gateway. `vite` (dev) proxies the same to a running hub: GATEWAY_URL, default the start's 4100.
 */
export default defineConfig({
  base: '/province/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  server: {
    proxy: { '/trpc': process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100' },
  },
});
