// The one canvas module of LR Lab. C# computes every coordinate and sends one batch of drawing
// commands per frame (a Float64Array view plus a string table); this file only replays them.
// Ops (first number of each command): see Interop/CanvasOp.cs, which is the source of truth.

const images = new Map();

function canvasFor(id) {
  const canvas = document.getElementById(id);
  if (!canvas) {
    return null;
  }
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

export function width(id) {
  const canvas = document.getElementById(id);
  return canvas ? canvas.clientWidth : 0;
}

export function height(id) {
  const canvas = document.getElementById(id);
  return canvas ? canvas.clientHeight : 0;
}

export function setImage(key, w, h, view) {
  let entry = images.get(key);
  if (!entry || entry.canvas.width !== w || entry.canvas.height !== h) {
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    entry = { canvas, data: new ImageData(w, h) };
    images.set(key, entry);
  }
  view.copyTo(new Uint8Array(entry.data.data.buffer));
  entry.canvas.getContext("2d").putImageData(entry.data, 0, 0);
}

export function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

const aligns = ["left", "center", "right"];
const baselines = ["top", "middle", "bottom", "alphabetic"];

export function draw(id, view, strings) {
  const ctx = canvasFor(id);
  if (!ctx) {
    return;
  }
  const ops = view.slice();
  const n = ops.length;
  let i = 0;
  while (i < n) {
    switch (ops[i]) {
      case 0: // Clear
        ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
        i += 1;
        break;
      case 1: // Stroke colour, width
        ctx.strokeStyle = strings[ops[i + 1]];
        ctx.lineWidth = ops[i + 2];
        i += 3;
        break;
      case 2: // Fill colour
        ctx.fillStyle = strings[ops[i + 1]];
        i += 2;
        break;
      case 3: // Alpha
        ctx.globalAlpha = ops[i + 1];
        i += 2;
        break;
      case 4: // Begin path
        ctx.beginPath();
        i += 1;
        break;
      case 5: // Move to
        ctx.moveTo(ops[i + 1], ops[i + 2]);
        i += 3;
        break;
      case 6: // Line to
        ctx.lineTo(ops[i + 1], ops[i + 2]);
        i += 3;
        break;
      case 7: // Stroke path
        ctx.stroke();
        i += 1;
        break;
      case 8: // Fill path
        ctx.fill();
        i += 1;
        break;
      case 9: // Fill rect
        ctx.fillRect(ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4]);
        i += 5;
        break;
      case 10: // Circle (adds to the path)
        ctx.moveTo(ops[i + 1] + ops[i + 3], ops[i + 2]);
        ctx.arc(ops[i + 1], ops[i + 2], ops[i + 3], 0, 2 * Math.PI);
        i += 4;
        break;
      case 11: // Text x y string align baseline
        ctx.textAlign = aligns[ops[i + 4]];
        ctx.textBaseline = baselines[ops[i + 5]];
        ctx.fillText(strings[ops[i + 3]], ops[i + 1], ops[i + 2]);
        i += 6;
        break;
      case 12: // Font
        ctx.font = strings[ops[i + 1]];
        i += 2;
        break;
      case 13: // Dash (0 = solid)
        ctx.setLineDash(ops[i + 1] > 0 ? [ops[i + 1], ops[i + 1]] : []);
        i += 2;
        break;
      case 14: { // Image key x y w h
        const entry = images.get(strings[ops[i + 1]]);
        if (entry) {
          ctx.imageSmoothingEnabled = true;
          ctx.drawImage(entry.canvas, ops[i + 2], ops[i + 3], ops[i + 4], ops[i + 5]);
        }
        i += 6;
        break;
      }
      case 15: // Save + clip to rect
        ctx.save();
        ctx.beginPath();
        ctx.rect(ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4]);
        ctx.clip();
        i += 5;
        break;
      case 16: // Restore
        ctx.restore();
        i += 1;
        break;
      case 17: // Stroke rect
        ctx.strokeRect(ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4]);
        i += 5;
        break;
      case 18: // Rotated text (vertical axis titles): x y string
        ctx.save();
        ctx.translate(ops[i + 1], ops[i + 2]);
        ctx.rotate(-Math.PI / 2);
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        ctx.fillText(strings[ops[i + 3]], 0, 0);
        ctx.restore();
        i += 4;
        break;
      default:
        throw new Error(`canvas.js: unknown op ${ops[i]} at ${i}`);
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}
