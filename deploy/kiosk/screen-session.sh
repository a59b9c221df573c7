#!/bin/sh
# The X session of a motcua screen: no blanking, then Chromium full screen on MOTCUA_SCREEN_URL.
# Run by motcua-screen.service through xinit; when Chromium exits, the session ends and systemd
# starts it again.
set -eu
: "${MOTCUA_SCREEN_URL:?set MOTCUA_SCREEN_URL in /etc/motcua/screen.env}"
# The screen stays on all day: no screen saver, no power saving.
xset s off -dpms s noblank
profile="${XDG_CONFIG_HOME:-$HOME/.config}/motcua-chromium"
mkdir -p "$profile"
# A power cut must not leave "Chromium didn't shut down correctly" over the page.
sed -i 's/"exit_type":"Crashed"/"exit_type":"Normal"/; s/"exited_cleanly":false/"exited_cleanly":true/' \
  "$profile/Default/Preferences" 2>/dev/null || true
exec chromium \
  --kiosk "$MOTCUA_SCREEN_URL" \
  --user-data-dir="$profile" \
  --no-first-run \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-features=Translate,TranslateUI \
  --lang=vi \
  --autoplay-policy=no-user-gesture-required \
  --touch-events=enabled \
  --disable-pinch \
  --overscroll-history-navigation=0 \
  --check-for-update-interval=31536000 \
  --password-store=basic
