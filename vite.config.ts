import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** One multi-page build: each app is a page under its own folder, served by the server (the hub's by the hub) from dist/. */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    // Lobby TVs and Android boxes run Chromium 69 and newer (docs/deploy.md, "Old screens"); the staff apps share the build.
    target: 'chrome69',
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: resolve(root, 'kiosk/index.html'),
        display: resolve(root, 'display/index.html'),
        counter: resolve(root, 'counter/index.html'),
        admin: resolve(root, 'admin/index.html'),
        follow: resolve(root, 'kiosk/follow.html'),
        hub: resolve(root, 'hub/app/index.html'),
      },
    },
  },
});
