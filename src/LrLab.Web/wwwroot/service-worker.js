// During development (dotnet run) every request goes to the network, so an edit shows on the next reload.
// The published site uses service-worker.published.js instead, which makes the lab work offline.
self.addEventListener('fetch', () => { });
