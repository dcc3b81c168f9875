// TensorFlow.js 4.22 peer for LR Lab's in-browser training: the same 784-128-10 MLP (ReLU, PyTorch's
// nn.Linear initialisation bounds), mean softmax cross-entropy, plain SGD at 0.1, batch 64, on the 8,000
// training digits of data/mnist.bin.gz in a per-epoch shuffled order. Each step gathers the batch rows into one
// contiguous buffer, as LR Lab's Trainer does, and reads the loss back (the range test needs every loss).
'use strict';

let digits = null;

async function loadDigits() {
  if (digits) return digits;
  const response = await fetch('/data/mnist.bin.gz');
  const stream = response.body.pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const view = new DataView(bytes.buffer);
  const count = view.getUint32(8, true);
  const features = view.getUint32(12, true) * view.getUint32(16, true);
  const train = view.getUint32(20, true);
  const labels = bytes.subarray(24, 24 + train);
  const pixels = new Float32Array(train * features);
  const start = 24 + count;
  for (let i = 0; i < pixels.length; i++) pixels[i] = bytes[start + i] / 255;
  digits = { pixels, labels, train, features };
  return digits;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// backend: 'wasm' | 'cpu' | 'webgl'. Returns { backend, samplesPerSecond, steps, firstLoss, lastLoss, simd, threads }.
async function trainTfjs(backend, steps, warmup = 20, hidden = 128, batch = 64, lr = 0.1) {
  const data = await loadDigits();
  if (backend === 'wasm') tf.wasm.setWasmPaths('node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  await tf.setBackend(backend);
  await tf.ready();
  const random = mulberry32(1);
  const bound1 = 1 / Math.sqrt(data.features);
  const bound2 = 1 / Math.sqrt(hidden);
  const w1 = tf.variable(tf.randomUniform([data.features, hidden], -bound1, bound1, 'float32', 1));
  const b1 = tf.variable(tf.randomUniform([hidden], -bound1, bound1, 'float32', 2));
  const w2 = tf.variable(tf.randomUniform([hidden, 10], -bound2, bound2, 'float32', 3));
  const b2 = tf.variable(tf.randomUniform([10], -bound2, bound2, 'float32', 4));
  const optimizer = tf.train.sgd(lr);
  const order = new Int32Array(data.train);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let cursor = order.length;
  const x = new Float32Array(batch * data.features);
  const y = new Int32Array(batch);

  function step() {
    if (cursor + batch > order.length) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i]; order[i] = order[j]; order[j] = t;
      }
      cursor = 0;
    }
    for (let r = 0; r < batch; r++) {
      const row = order[cursor + r];
      x.set(data.pixels.subarray(row * data.features, (row + 1) * data.features), r * data.features);
      y[r] = data.labels[row];
    }
    cursor += batch;
    const loss = tf.tidy(() => {
      const xs = tf.tensor2d(x, [batch, data.features]);
      const ys = tf.oneHot(tf.tensor1d(y, 'int32'), 10);
      return optimizer.minimize(() => {
        const h = tf.relu(tf.add(tf.matMul(xs, w1), b1));
        const logits = tf.add(tf.matMul(h, w2), b2);
        return tf.losses.softmaxCrossEntropy(ys, logits);
      }, true, [w1, b1, w2, b2]);
    });
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  }

  let first = NaN;
  for (let i = 0; i < warmup; i++) first = i === 0 ? step() : (step(), first);
  const t0 = performance.now();
  let last = NaN;
  for (let i = 0; i < steps; i++) last = step();
  const seconds = (performance.now() - t0) / 1000;
  const result = {
    backend: tf.getBackend(),
    samplesPerSecond: (steps * batch) / seconds,
    steps,
    firstLoss: first,
    lastLoss: last,
    simd: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : null,
    threads: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT') : null,
  };
  [w1, b1, w2, b2].forEach(v => v.dispose());
  optimizer.dispose();
  return JSON.stringify(result);
}
