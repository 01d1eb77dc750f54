// Progressive enhancement only: every page works without this file.

// Where the app lives: "/" or, behind a proxy that publishes it under a sub-path, "/catalogue/".
const base = document.documentElement.dataset.base || '/';
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-print]');
  if (button) {
    event.preventDefault();
    window.print();
  }
});

// Photographs: upload with progress (drag-and-drop or file picker), thumbnails that appear when ready, deep zoom.
(() => {
  const gallerySelector = '[data-gallery-host]';

  function showOutcomes(list, outcomes) {
    list.replaceChildren(...outcomes.map((o) => {
      const item = document.createElement('li');
      item.className = o.attached ? 'ok' : 'refused';
      const name = document.createElement('strong');
      name.textContent = o.fileName;
      item.append(name, `: ${o.message}`);
      return item;
    }));
  }

  async function refreshGallery() {
    const host = document.querySelector(gallerySelector);
    if (!host) return;
    const response = await fetch(window.location.href, { credentials: 'same-origin' });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.querySelector(gallerySelector);
    if (fresh) {
      host.replaceChildren(...fresh.childNodes);
      watchProcessing(host);
    }
  }

  function upload(form, files) {
    if (!files || files.length === 0) return;
    // Every field of the form (the antiforgery token, before/after), with the files dropped or chosen.
    const data = new FormData(form);
    data.delete('files');
    for (const file of files) data.append('files', file, file.name);
    const progress = form.querySelector('[data-upload-progress]');
    const status = form.querySelector('[data-upload-status]');
    const outcomes = form.querySelector('[data-upload-outcomes]');
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'application/json');
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `${files.length} …`;
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', () => {
      progress.value = 100;
      status.textContent = '';
      try {
        const body = JSON.parse(request.responseText);
        showOutcomes(outcomes, body.outcomes || []);
        if (body.message) status.textContent = body.message;
      } catch {
        status.textContent = `${request.status}`;
      }
      refreshGallery();
    });
    request.addEventListener('error', () => { status.textContent = '!'; });
    request.send(data);
    // The files are on their way; clear the picker so pressing Upload again does not send them twice.
    const picker = form.querySelector('input[type="file"]');
    if (picker) picker.value = '';
  }

  document.querySelectorAll('form[data-upload]').forEach((form) => {
    const input = form.querySelector('input[type="file"]');
    const zone = form.querySelector('[data-drop-zone]');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      upload(form, input.files);
    });
    input.addEventListener('change', () => upload(form, input.files));
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('dragging'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('dragging');
      upload(form, e.dataTransfer.files);
    });
  });

  // An image still being processed is polled until its thumbnails are ready, then shown.
  function watchProcessing(root) {
    root.querySelectorAll('[data-processing]').forEach((placeholder) => {
      const item = placeholder.closest('[data-image-id]');
      const id = item.dataset.imageId;
      const poll = async () => {
        const response = await fetch(`${base}api/images/${id}`, { credentials: 'same-origin' });
        const image = response.ok ? await response.json() : null;
        if (image && image.state === 'ready') {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'thumbnail';
          button.dataset.zoom = placeholder.dataset.zoomUrl;
          const img = document.createElement('img');
          img.src = placeholder.dataset.thumb;
          img.alt = image.fileName;
          button.append(img);
          placeholder.replaceWith(button);
          item.classList.remove('processing');
          item.classList.add('ready');
          item.dataset.state = 'Ready';
        } else if (image && image.state === 'failed') {
          placeholder.classList.add('failed');
        } else {
          setTimeout(poll, 1500);
        }
      };
      setTimeout(poll, 500);
    });
  }

  watchProcessing(document);

  // Deep zoom: OpenSeadragon reads the IIIF info.json of the thumbnail clicked. The viewer's script is fetched
  // the first time someone zooms, so pages without photographs never load it.
  let viewer = null;
  let viewerScript = null;
  const loadViewer = () => {
    if (typeof OpenSeadragon !== 'undefined') return Promise.resolve();
    viewerScript ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${base}lib/openseadragon/openseadragon.min.js`;
      script.onload = resolve;
      script.onerror = () => { viewerScript = null; reject(); };
      document.head.appendChild(script);
    });
    return viewerScript;
  };
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-zoom]');
    if (!button) return;
    const host = document.querySelector('[data-viewer]');
    if (!host) return;
    loadViewer().then(() => {
      host.hidden = false;
      if (!viewer) {
        viewer = OpenSeadragon({ element: host, prefixUrl: `${base}lib/openseadragon/`, tileSources: button.dataset.zoom, showNavigator: true, crossOriginPolicy: false });
      } else {
        viewer.open(button.dataset.zoom);
      }
      host.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    }, () => {
      host.hidden = false;
      host.textContent = host.dataset.loadError;
    });
  });
})();
