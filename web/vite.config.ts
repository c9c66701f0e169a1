import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const backend = process.env.HACKTRAIL_BACKEND ?? 'http://localhost:8080';

// The build lands in target/classes/static, so the Maven module packs it into a jar the backend serves.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json maps each screen to its chunks: the panel benchmark reads it to size what a judge loads.
    manifest: true,
  },
  server: {
    proxy: {
      '/graphql': backend,
      '/api': backend,
      '/oauth2': backend,
      '/login': backend,
      '/logout': backend,
    },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Typing through user-event is slow on a loaded 2-core CI machine; a test that takes 5 s there is not hung.
    testTimeout: 30000,
  },
});
