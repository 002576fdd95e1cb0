import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: Electron loads them from disk, browser mode serves them.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
