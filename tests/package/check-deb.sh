#!/usr/bin/env bash
# Checks the .deb that `make package` built: unpacked into a temporary root (dpkg -x, no
# install), the app and jejak-cli start (--help; no Rust or Node needed), the desktop entry opens
# .jejak files (its MIME type and a %f in Exec), and the MIME type is registered by glob.
set -euo pipefail
deb=${1:?usage: check-deb.sh PATH.deb}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb --info "$deb" | grep -E '^ (Package|Version|Depends):'
dpkg -x "$deb" "$root"

fail() { echo "check-deb: $*" >&2; exit 1; }

"$root/usr/bin/jejak" --help | grep -q 'Usage: jejak' || fail "jejak --help did not print its usage"
"$root/usr/bin/jejak-cli" --help | grep -q 'jejak-cli' || fail "jejak-cli --help failed"
if ldd "$root/usr/bin/jejak" | grep -q 'not found'; then
  ldd "$root/usr/bin/jejak" | grep 'not found' >&2
  fail "the app needs libraries the package does not depend on"
fi

desktop=$(find "$root/usr/share/applications" -name '*.desktop' | head -n1)
[ -n "$desktop" ] || fail "no desktop entry"
grep -qx 'MimeType=application/x-jejak;' "$desktop" || fail "the desktop entry does not open .jejak files"
grep -Eq '^Exec=jejak %f$' "$desktop" || fail "the desktop entry does not pass the file: $(grep ^Exec "$desktop")"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
find "$root/usr/share/icons" -name 'jejak.png' | grep -q . || fail "no icon"

mime="$root/usr/share/mime/packages/jejak.xml"
[ -f "$mime" ] || fail "no MIME type"
grep -q '<glob pattern="\*.jejak"' "$mime" || fail "the MIME type has no *.jejak glob"
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$mime" || fail "the MIME XML does not parse"

echo "check-deb: $deb is good: $(du -h "$deb" | cut -f1), $(find "$root" -type f | wc -l) files"
