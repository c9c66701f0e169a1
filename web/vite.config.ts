import os from 'node:os';
import zlib from 'node:zlib';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const backend = process.env.HACKTRAIL_BACKEND ?? 'http://localhost:8080';

// The build lands in target/classes/static, so the Maven module packs it into a jar the backend serves.
export default defineConfig({
  plugins: [
    react(),
    // Every text file of 1 KB or more also lands beside itself as name.gz and name.br (best compression, paid once at
    // build time); the backend serves the smallest one the browser accepts (Content-Encoding), see
    // webpanel/PanelResources.java. The originals stay for clients that accept neither.
    compression({
      include: /\.(js|css|html|svg|json|txt|webmanifest)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('gzip', { level: 9 }),
        defineAlgorithm('brotliCompress', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      ],
      deleteOriginalAssets: false,
      skipIfLargerOrEqual: true,
      logLevel: 'silent',
    }),
  ],
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
    // Vitest's default is one worker fewer than there are cores: one on a 2-core machine, where the main process
    // mostly waits. Two files at once there take about half the time.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
