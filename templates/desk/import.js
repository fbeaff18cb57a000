// The import page: the preview and the import are sent with the file the clerk chose, and only
// the result part of the answer replaces the page's, so that the file stays chosen between the
// preview and the import (a plain form post would lose it).
(function () {
  const form = document.getElementById('import-form');
  if (!form) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const button = event.submitter;
    if (button && button.name) data.set(button.name, button.value);
    const result = document.getElementById('import-result');
    result.classList.add('saving');
    document.querySelectorAll('#import-form button, #import-result button').forEach((b) => { b.disabled = true; });
    fetch('/import', { method: 'POST', body: data, credentials: 'same-origin' })
      .then((r) => r.text())
      .then((html) => {
        const page = new DOMParser().parseFromString(html, 'text/html');
        const fresh = page.getElementById('import-result');
        if (fresh) result.replaceWith(fresh);
      })
      .catch((e) => {
        result.textContent = String(e);
      })
      .finally(() => {
        document.querySelectorAll('#import-form button, #import-result button').forEach((b) => { b.disabled = false; });
        const now = document.getElementById('import-result');
        if (now) now.classList.remove('saving');
      });
  });
})();
