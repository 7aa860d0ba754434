#!/usr/bin/env bash
# Refresh the README's screenshots (by hand; not run in CI).
#
#   apt-get install -y chromium fonts-noto-cjk pngquant
#   scripts/screenshots.sh            # writes docs/screenshots/*.png
#
# The browser tests take the screenshots in Debian's Chromium as they walk the screens (test-results/):
# the workspace test (dashboard, indicator page, entry grid, wall display) and the portal test (overview,
# a comment with its reply). This copies the ones the README shows, quantised to 256 colours by pngquant
# (lossy but sharp for screens: a few hundred KB → well under 100 KB each).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pngquant >/dev/null || { echo "missing pngquant: apt-get install -y pngquant" >&2; exit 1; }
SHOTS=(dashboard indicator entry-grid screen portal-overview portal-feedback)
npx vitest run --config vitest.e2e.config.ts test/e2e/workspace.e2e.test.ts test/e2e/portal.e2e.test.ts
for name in "${SHOTS[@]}"; do
  src="test-results/$name.png"
  [ -f "$src" ] || { echo "the browser tests wrote no $src" >&2; exit 1; }
  pngquant --force --strip --quality=60-90 --speed 1 --output "docs/screenshots/$name.png" -- "$src"
  printf '%-22s %7d bytes\n' "$name.png" "$(stat -c %s "docs/screenshots/$name.png")"
done
