#!/usr/bin/env bash
# Restore of a Kinerja backup (docs/deploy.md, "Memulihkan"): deploy/pulihkan.sh BASIS.dump [MEDIA.tar.gz]
# Restores the database archive into DATABASE_URL in one transaction (the tables of the archive
# are dropped and recreated; on any error nothing changes), then, when given, puts the evidence
# files back into MEDIA_ROOT (the current folder is kept beside it as MEDIA_ROOT.sebelum-<time>).
# Stop the application first (systemctl stop kinerja) and run `manage.py migrate` after.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL belum diisi}"
BASIS="${1:?pakai: pulihkan.sh BASIS.dump [MEDIA.tar.gz]}"
BERKAS="${2:-}"
MEDIA="${MEDIA_ROOT:-/var/lib/kinerja/media}"

[ -f "$BASIS" ] || { echo "Arsip basis data $BASIS tidak ada." >&2; exit 1; }
pg_restore --list "$BASIS" >/dev/null || { echo "$BASIS bukan arsip pg_dump yang utuh." >&2; exit 1; }

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$BASIS"
echo "Basis data dipulihkan dari $BASIS."

if [ -n "$BERKAS" ]; then
  [ -f "$BERKAS" ] || { echo "Arsip berkas $BERKAS tidak ada." >&2; exit 1; }
  tar -tzf "$BERKAS" >/dev/null || { echo "$BERKAS bukan arsip tar.gz yang utuh." >&2; exit 1; }
  BARU="$(mktemp -d "$(dirname "$MEDIA")/media-pulih.XXXXXX")"
  tar -C "$BARU" -xzf "$BERKAS"
  if [ -d "$MEDIA" ]; then mv "$MEDIA" "$MEDIA.sebelum-$(date +%Y%m%d-%H%M%S)"; fi
  mv "$BARU" "$MEDIA"
  chmod 750 "$MEDIA"
  echo "Berkas data dukung dipulihkan ke $MEDIA."
fi
