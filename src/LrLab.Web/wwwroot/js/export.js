// Saves what a chart shows as a file: the canvas as PNG, or text (SVG, CSV) the app built.
function save(href, fileName) {
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function savePng(canvasId, fileName) {
  const canvas = document.getElementById(canvasId);
  if (!canvas) {
    return false;
  }
  save(canvas.toDataURL("image/png"), fileName);
  return true;
}

export function saveText(text, mimeType, fileName) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
