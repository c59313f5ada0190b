import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const service = (port: number) => ({ target: `http://127.0.0.1:${port}`, rewrite: (path: string) => path.replace(/^\/api\/[a-z]+/, '') });

/**
 * The browser app. `nx build console` writes it next to the console server (dist/apps/console/public);
 * `nx run console:dev` serves it with reload and proxies /api/<context> to the local services
 * directly (no dev sign-in there: use `nx serve console` for that).
 */
export default defineConfig({
  root: here('./client'),
  publicDir: false,
  build: { outDir: here('../../dist/apps/console/public'), emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 4200,
    proxy: {
      '/api/checkout': service(3001),
      '/api/fulfillment': service(3002),
      '/api/finance': service(3003),
      '/api/support': service(3004),
    },
  },
});
