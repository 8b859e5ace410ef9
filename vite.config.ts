import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web UI is built into dist/web and served by the Fastify server on the same port.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
