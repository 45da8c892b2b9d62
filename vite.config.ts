// Build of the PWA. The service worker precaches the app shell (every chunk,
// style, icon and the manifest), answers navigations with index.html so deep links
// open offline, and never caches /api: data lives in IndexedDB, not in HTTP caches.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME_COLOR = '#0a4853';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      strategies: 'generateSW',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon-180x180.png'],
      manifest: {
        name: 'Feldakte',
        short_name: 'Feldakte',
        description: 'Fallakte für ambulante Hilfen: Notizen, Termine und Beratungen, auch offline.',
        lang: 'de',
        theme_color: THEME_COLOR,
        background_color: '#f2f5f6',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so a worker who
        // logs in and drives off without reloading still gets every screen offline.
        // Later versions still wait for the update prompt (no skipWaiting).
        clientsClaim: true,
        runtimeCaching: [],
      },
    }),
  ],
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
  },
});
