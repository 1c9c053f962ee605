#!/usr/bin/env bash
# Everything the test suite needs beyond `npm ci`: Debian's chromium (browser tests, memo PDFs),
# poppler-utils (pdftotext reads the memo PDF back) and fonts that
# render Arabic and Cyrillic names in screenshots. Idempotent; quiet when all is present.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Noto Sans Arabic\|NotoSansArabic\|NotoNaskhArabic' || need+=(fonts-noto-core)
fc-list 2>/dev/null | grep -qi 'DejaVu' || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]} (apt-get)" >&2
    (apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1) || (apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends "${need[@]}" >/dev/null)
  else
    echo "missing ${need[*]}: install with sudo apt-get install -y ${need[*]}" >&2
  fi
fi
