/**
 * Vite build of the admin web app. `npm run build -w web` writes web/dist, which the API server serves.
 * In development (`npm run dev -w web`) and `vite preview`, /api goes to the API server at JKDA_API.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.JKDA_API ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
