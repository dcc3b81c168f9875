// Small browser services for the lab: the address bar and page-wide keyboard shortcuts.

let keyHandler = null;

export function replaceUrl(url) {
  if (location.pathname + location.search !== url) {
    history.replaceState(history.state, "", url);
  }
}

export function prefersReducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

// Elements that already give space or the arrow keys a meaning of their own: a shortcut must not
// fire while the user types in a field, toggles a <details>, moves a slider or picks an option.
const ownKeys = new Set(["input", "textarea", "select", "button", "summary", "option", "audio", "video"]);
const ownKeyRoles = new Set(["button", "checkbox", "combobox", "listbox", "menuitem", "option", "radio",
  "scrollbar", "slider", "spinbutton", "switch", "tab", "textbox", "tree", "grid"]);

function typing(target) {
  if (!target || !target.tagName) {
    return false;
  }
  if (ownKeys.has(target.tagName.toLowerCase()) || target.isContentEditable) {
    return true;
  }
  // A focused scrolling table or panel: the arrow keys scroll it.
  if (target.tagName !== "CANVAS" && target.hasAttribute("tabindex")
    && (target.scrollWidth > target.clientWidth || target.scrollHeight > target.clientHeight)) {
    return true;
  }
  const role = target.getAttribute("role");
  return role !== null && ownKeyRoles.has(role);
}

export function listenKeys(callback) {
  unlistenKeys();
  keyHandler = (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
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
