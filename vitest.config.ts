import vue from '@vitejs/plugin-vue';
import vuetify from 'vite-plugin-vuetify';
import { configDefaults, defineConfig } from 'vitest/config';
import { rendererAliases, rendererDefines } from './renderer/vite.config.ts';

export default defineConfig({
  // Node suites meet renderer modules too (the e2e tests read the English texts).
  resolve: { alias: rendererAliases },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each integration file starts its own reference central; two cores, so keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        // Node suites: plain Node, no Vue transform.
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/renderer/**'],
        },
      },
      {
        // Vue component suites: SFC + Vuetify transforms, a happy-dom page; CSS is not loaded.
        extends: true,
        plugins: [vue(), vuetify({ autoImport: true, styles: 'none' })],
        define: rendererDefines,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
          server: { deps: { inline: ['vuetify'] } },
          // Pre-bundle the UI libraries once per run instead of transforming them in every test file.
          deps: {
            optimizer: {
              client: {
                enabled: true,
                include: ['vuetify', 'vue', 'vue-i18n', 'pinia', 'vue-router', 'qrcode', 'zod'],
              },
            },
          },
        },
      },
    ],
  },
});
