#!/usr/bin/env bash
# Renders FER Studio's icon (src/packaging/linux/fer-studio.svg) to the PNG sizes a Linux desktop asks for
# (src/packaging/linux/icons/fer-studio-<N>.png). The PNGs are committed, so packaging needs no renderer;
# run this after changing the SVG. Needs rsvg-convert (Debian: sudo apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../src/packaging/linux"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing: sudo apt-get install librsvg2-bin" >&2; exit 1; }
mkdir -p icons
for size in 16 24 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" fer-studio.svg -o "icons/fer-studio-$size.png"
done
ls -l icons
