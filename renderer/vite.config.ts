// Builds the Vue renderer into dist/renderer. Loaded by Electron (relative paths, hence base './')
// and served by browser mode; the page carries no inline script (CSP `script-src 'self'`).
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import vuetify from 'vite-plugin-vuetify';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Shared with vitest.config.ts so component tests resolve exactly as the build does. */
export const rendererAliases = { '@contract': here('../src-main/contract') };

/** Compile-time flags of vue-i18n: no devtools hooks in production, keep the (eval-free) message compiler. */
export const rendererDefines = {
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [vue(), vuetify({ autoImport: true })],
  resolve: { alias: rendererAliases },
  define: rendererDefines,
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
