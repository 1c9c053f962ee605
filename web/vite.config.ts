// Vite build of the browser UI into web/dist, served by `vigil serve` at /.
// `npx vite --config web/vite.config.ts` serves it with hot reload and proxies /api to a running
// `vigil serve` on VIGIL_API (default http://127.0.0.1:8080).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': process.env.VIGIL_API ?? 'http://127.0.0.1:8080', '/openapi.json': process.env.VIGIL_API ?? 'http://127.0.0.1:8080' },
  },
});
