#!/bin/sh
# Downloads one backup of a motcua server: signs in as an administrator (a session lasts
# 14 hours, so the job signs in each night rather than keeping a token), fetches GET /api/backup
# with that session into MOTCUA_BACKUP_DIR, signs out, and deletes backups older than
# MOTCUA_BACKUP_KEEP_DAYS. Exits non-zero on any failure, so systemd shows it (systemctl status).
set -eu
: "${MOTCUA_BACKUP_URL:=http://127.0.0.1:8080}"
: "${MOTCUA_BACKUP_DIR:=/var/backups/motcua}"
: "${MOTCUA_BACKUP_KEEP_DAYS:=30}"
: "${MOTCUA_BACKUP_USER:?set MOTCUA_BACKUP_USER}"
: "${MOTCUA_BACKUP_PASSWORD:?set MOTCUA_BACKUP_PASSWORD}"

mkdir -p "$MOTCUA_BACKUP_DIR"
umask 077
json_text() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
body=$(printf '{"username":"%s","password":"%s"}' "$(json_text "$MOTCUA_BACKUP_USER")" "$(json_text "$MOTCUA_BACKUP_PASSWORD")")
login=$(curl --silent --show-error --fail-with-body -H 'content-type: application/json' --data "$body" \
  "$MOTCUA_BACKUP_URL/api/auth/login")
token=$(printf '%s' "$login" | sed -n 's/.*"token":"\([A-Za-z0-9_-]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "motcua-backup: sign-in refused: $login" >&2
  exit 1
fi
# The file is written under a temporary name and renamed when complete: a cut download is never taken for a backup.
partial="$MOTCUA_BACKUP_DIR/.partial-$$"
status=0
(cd "$MOTCUA_BACKUP_DIR" && curl --silent --show-error --fail -H "authorization: Bearer $token" \
  --dump-header "$partial.headers" --output "$partial" "$MOTCUA_BACKUP_URL/api/backup") || status=$?
curl --silent --output /dev/null -X POST -H "authorization: Bearer $token" "$MOTCUA_BACKUP_URL/api/auth/logout" || true
if [ "$status" -ne 0 ]; then
  rm -f "$partial" "$partial.headers"
  echo "motcua-backup: download failed (curl exit $status)" >&2
  exit 1
fi
name=$(sed -n 's/^[Cc]ontent-[Dd]isposition:.*filename="\([^"/]*\)".*/\1/p' "$partial.headers" | tr -d '\r')
rm -f "$partial.headers"
[ -n "$name" ] || name="motcua-backup-$(date +%Y-%m-%d-%H%M)"
mv "$partial" "$MOTCUA_BACKUP_DIR/$name"
find "$MOTCUA_BACKUP_DIR" -maxdepth 1 -type f -name 'motcua-backup-*' -mtime +"$MOTCUA_BACKUP_KEEP_DAYS" -delete
echo "motcua-backup: saved $MOTCUA_BACKUP_DIR/$name"
