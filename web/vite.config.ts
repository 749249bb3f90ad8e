import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The UI builds into web/dist, which the server serves at `/` (src/api/web.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // The NL Design System React package is one big module: its icon table is built
      // with top-level jsx() calls, and it injects its whole stylesheet as a <style>
      // element at load (styleInject), which our CSP forbids and which duplicates the
      // components-css we import. Marking those calls pure lets both drop out.
      treeshake: { manualPureFunctions: ['styleInject', 'jsx', 'jsxs', 'forwardRef', 'createContext', 'createElement'] },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
})
