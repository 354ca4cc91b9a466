import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

// The API runs on its own port in development (TONGXIN_API overrides it); the built app is served by the
// API server itself.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, new URL('.', import.meta.url).pathname, 'TONGXIN_');
  const api = env.TONGXIN_API ?? 'http://localhost:3000';
  return {
    plugins: [react()],
    server: { proxy: { '/api': { target: api } } },
    preview: { proxy: { '/api': { target: api } } },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // antd and React are one vendor chunk of ~1 MB before gzip; pages are split per route.
      chunkSizeWarningLimit: 1500,
    },
  };
});
