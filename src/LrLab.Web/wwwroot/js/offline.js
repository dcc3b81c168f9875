// Registers the service worker that keeps the lab working offline after the first visit
// (service-worker.published.js; during development a no-op). A browser without service workers, or
// one that refuses them (private windows), simply stays online-only.
if ('serviceWorker' in navigator) {
    window.addEventListener('load', () => {
        navigator.serviceWorker.register('service-worker.js', { updateViaCache: 'none' })
            .catch(reason => console.warn('LR Lab stays online-only: ' + reason));
    });
}
