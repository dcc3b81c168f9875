#!/usr/bin/env bash
# Builds the site's WebAssembly SIMD matrix kernels: src/LrLab.Web/Kernels/gemm.c -> src/LrLab.Web/wwwroot/kernels/gemm.wasm
# (committed; `dotnet run` needs no C toolchain). Usage: tools/build_kernels.sh [output.wasm]
# Needs clang-14, wasm-ld-14 and wasm-objdump (apt-get install -y clang-14 lld-14 wabt). clang's output is deterministic: a test
# rebuilds the module into a temporary file and compares the bytes with the committed one.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-src/LrLab.Web/wwwroot/kernels/gemm.wasm}"
for tool in clang-14 wasm-ld-14 wasm-objdump; do
  command -v "$tool" >/dev/null || { echo "build_kernels.sh: $tool not found (apt-get install -y clang-14 lld-14 wabt)" >&2; exit 1; }
done
# The module imports the .NET runtime's memory, so it must own no part of it: no stack (stack-size=0, and the check
# below that no global is read or written: clang's stack pointer is the only global), no data segment.
# Without -g and with --strip-all no path of this machine ends up in the bytes.
clang-14 --target=wasm32 -msimd128 -O3 -nostdlib -fno-builtin -ffp-contract=off \
  -Wl,--no-entry -Wl,--import-memory -Wl,-z,stack-size=0 -Wl,--strip-all -Wl,--initial-memory=65536 \
  -o "$out" src/LrLab.Web/Kernels/gemm.c
if wasm-objdump -d "$out" | grep -q 'global\.\(get\|set\)'; then
  echo "build_kernels.sh: $out uses a global (a stack frame in the runtime's memory); keep every value in locals" >&2
  exit 1
fi
if wasm-objdump -h "$out" | grep -q '^ *Data'; then
  echo "build_kernels.sh: $out has a data segment, which would overwrite the runtime's memory" >&2
  exit 1
fi
chmod 644 "$out"
echo "$out: $(stat -c %s "$out") bytes"
