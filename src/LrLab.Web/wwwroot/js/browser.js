// Small browser services for the lab: the address bar and page-wide keyboard shortcuts.

let keyHandler = null;

export function replaceUrl(url) {
  if (location.pathname + location.search !== url) {
    history.replaceState(history.state, "", url);
  }
}

function typing(target) {
  if (!target || !target.tagName) {
    return false;
  }
  const tag = target.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || tag === "button" || target.isContentEditable;
}

export function listenKeys(callback) {
  unlistenKeys();
  keyHandler = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
      return;
    }
    if (e.key === " " || e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      callback(e.key);
    }
  };
  document.addEventListener("keydown", keyHandler);
}

export function unlistenKeys() {
  if (keyHandler) {
    document.removeEventListener("keydown", keyHandler);
    keyHandler = null;
  }
}
