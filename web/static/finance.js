// Finance pages: the upload form sends the file's bytes with its name and the CSRF token, then
// shows the server-rendered result (rows loaded, rejected rows) for that file.
(() => {
  const form = document.getElementById('upload-form');
  if (!form) return;
  const status = document.getElementById('upload-status');
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.querySelector('input[type="file"]')?.files?.[0];
    if (!file) return;
    const button = form.querySelector('button');
    button.disabled = true;
    status.textContent = `Loading ${file.name}…`;
    try {
      const response = await fetch('/api/finance/uploads', {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': file.name,
          'x-csrf-token': csrf,
        },
        body: file,
      });
      const result = await response.json();
      if (!response.ok) {
        status.textContent = result.error?.message ?? 'The upload failed.';
        return;
      }
      window.location.assign(result.page);
    } catch {
      status.textContent = 'The upload failed: the server could not be reached.';
    } finally {
      button.disabled = false;
    }
  });
})();
