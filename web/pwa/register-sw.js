// Registers the service worker that keeps the playground working with no
// network (it caches the app's own files, nothing else), and says so on the
// page once it is in place.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register("./sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      document.documentElement.dataset.offline = "ready";
    })
    .catch(() => {
      // file:// or a browser without service workers: the page still works online.
    });
}
