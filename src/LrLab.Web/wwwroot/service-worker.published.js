// Offline after the first visit. At install this worker fetches every asset the publish step listed in
// service-worker-assets.js (the .NET framework, the app, styles, scripts, the MNIST digits), each checked
// against its SHA-256 there, into a cache named after the manifest's version. Afterwards it answers
// from that cache first: any page address gets the cached index.html (client-side routes), everything
// else the cached asset or, failing that, the network. A new deploy changes the manifest's version and
// so this file's bytes: the browser installs the new worker, which fills a new cache, takes over at
// once and deletes the old caches.
self.importScripts('./service-worker-assets.js');
self.addEventListener('install', event => event.waitUntil(onInstall()));
self.addEventListener('activate', event => event.waitUntil(onActivate()));
self.addEventListener('fetch', event => event.respondWith(onFetch(event)));

const cacheNamePrefix = 'lrlab-offline-';
const cacheName = `${cacheNamePrefix}${self.assetsManifest.version}`;
const offlineAssetsInclude = [/\.dll$/, /\.pdb$/, /\.wasm/, /\.html/, /\.js$/, /\.json$/, /\.css$/, /\.woff2?$/, /\.png$/, /\.svg$/, /\.ico$/, /\.dat$/, /\.webcil$/, /\.webmanifest$/, /^data\/mnist\.bin\.gz$/];
const offlineAssetsExclude = [/^service-worker\.js$/];

// The worker sits at the site's root, so its own address gives the base path on any static host.
const baseUrl = new URL('./', self.location);
const manifestUrlList = self.assetsManifest.assets.map(asset => new URL(asset.url, baseUrl).href);

async function onInstall() {
    const requests = self.assetsManifest.assets
        .filter(asset => offlineAssetsInclude.some(pattern => pattern.test(asset.url)))
        .filter(asset => !offlineAssetsExclude.some(pattern => pattern.test(asset.url)))
        .map(asset => new Request(new URL(asset.url, baseUrl), { integrity: asset.hash, cache: 'no-cache' }));
    const cache = await caches.open(cacheName);
    await cache.addAll(requests);
    await self.skipWaiting();
}

async function onActivate() {
    const keys = await caches.keys();
    await Promise.all(keys.filter(key => key.startsWith(cacheNamePrefix) && key !== cacheName).map(key => caches.delete(key)));
    await self.clients.claim();
}

async function onFetch(event) {
    const request = event.request;
    if (request.method === 'GET') {
        const isPage = request.mode === 'navigate' && !manifestUrlList.includes(request.url);
        const cache = await caches.open(cacheName);
        const cached = await cache.match(isPage ? new URL('index.html', baseUrl).href : request, { ignoreSearch: isPage });
        if (cached) {
            return cached;
        }
    }

    return fetch(request);
}
