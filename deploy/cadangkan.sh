#!/usr/bin/env bash
# Backup of one Kinerja server (docs/deploy.md, "Cadangan"): the database as a pg_dump archive
# (custom format, restorable with deploy/pulihkan.sh) and the evidence files (MEDIA_ROOT) as a
# tar.gz, both stamped with the time, into $KINERJA_CADANGAN; archives older than
# $KINERJA_CADANGAN_HARI days are removed. Reads DATABASE_URL and MEDIA_ROOT like the application.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL belum diisi}"
TUJUAN="${KINERJA_CADANGAN:-/var/backups/kinerja}"
HARI="${KINERJA_CADANGAN_HARI:-30}"
MEDIA="${MEDIA_ROOT:-/var/lib/kinerja/media}"
STEMPEL="$(date +%Y%m%d-%H%M%S)"

umask 077
mkdir -p "$TUJUAN"
BASIS="$TUJUAN/kinerja-$STEMPEL.dump"
BERKAS="$TUJUAN/media-$STEMPEL.tar.gz"

# Written under a temporary name and renamed when complete: a half-written backup never looks whole.
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$BASIS.sebagian"
pg_restore --list "$BASIS.sebagian" >/dev/null  # the archive can be read back
mv "$BASIS.sebagian" "$BASIS"

if [ -d "$MEDIA" ]; then
  tar -C "$MEDIA" -czf "$BERKAS.sebagian" .
else
  tar -czf "$BERKAS.sebagian" --files-from /dev/null
fi
mv "$BERKAS.sebagian" "$BERKAS"

find "$TUJUAN" -maxdepth 1 \( -name 'kinerja-*.dump' -o -name 'media-*.tar.gz' \) -mtime "+$HARI" -delete

echo "Cadangan selesai: $BASIS ($(du -h "$BASIS" | cut -f1)), $BERKAS ($(du -h "$BERKAS" | cut -f1))"
