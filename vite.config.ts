import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web client (src/web) is a single-page app served by the API server from dist/web.
// In development `vite` serves it on :5173 and forwards API calls to the server on :3000.
const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.GONGJIAN_API_URL ?? 'http://127.0.0.1:3000';

// Vendor code is split so that one library's upgrade does not invalidate the others' cache and no
// single chunk is huge. The antd group takes only what the first screen needs (`$initial`: the
// shell and the login page); antd parts used only by lazily loaded pages (Table, DatePicker…) are
// left to automatic splitting, so a phone opening the home page never downloads the audit table.
const vendorGroups: { name: string; test: RegExp; priority: number; tags?: ['$initial'] }[] = [
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: 'vendor-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 35 },
  {
    name: 'vendor-antd',
    tags: ['$initial'],
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@babel[\\/]runtime|dayjs|classnames|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|stylis|@emotion)[\\/]/,
    priority: 30,
  },
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)[\\/]/,
    priority: 20,
  },
];

export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // The initial antd chunk is ~660 kB minified (~215 kB gzip); warn if it grows much past that.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorGroups,
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
