#!/bin/sh
# `cpack -G DEB` builds a .deb whose control data names the runtime packages (found by
# dpkg-shlibdeps) and whose contents are the whole install: binary, content, fonts with their
# licence, desktop entry, metainfo, icons, man page and docs. It is unpacked, never installed:
# the unpacked attune finds its content in the unpacked /usr/share/attune.
#   deb.sh BUILD_DIR CPACK
set -eu
build=$1 cpack=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/attune-deb-XXXXXX")
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
contains() { grep -qF -- "$2" "$1" || { fail "$1 does not contain \"$2\""; sed 's/^/    /' "$1" >&2; }; }

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.log" 2>&1 ||
    { fail "cpack exited $?"; cat "$work/cpack.log" >&2; exit 1; }
deb=$(ls "$work"/attune_*.deb)
dpkg-deb --info "$deb" > "$work/info"
contains "$work/info" "Package: attune"
for pkg in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-mixer-2.0-0 libcjson1 libc6; do
    grep -q "^ Depends:.*\b$pkg\b" "$work/info" || fail "the package does not depend on $pkg"
done
contains "$work/info" "Recommends: libnotify-bin"
dpkg-deb --contents "$deb" | awk '{ print $NF }' > "$work/contents"
id=io.github.attune.Attune
for f in usr/bin/attune usr/share/attune/levels/patterns.json usr/share/attune/levels/resources.json \
    usr/share/attune/levels/grounding.json usr/share/attune/fonts/Inter-Regular.otf \
    usr/share/attune/fonts/Inter-Light.otf usr/share/attune/fonts/OFL.txt \
    usr/share/applications/$id.desktop usr/share/metainfo/$id.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$id.svg usr/share/icons/hicolor/48x48/apps/$id.png \
    usr/share/icons/hicolor/128x128/apps/$id.png usr/share/icons/hicolor/256x256/apps/$id.png \
    usr/share/man/man1/attune.1.gz usr/share/doc/attune/copyright usr/share/doc/attune/README.md; do
    grep -qx "\./$f" "$work/contents" || fail "the package lacks /$f"
done
stray=$(grep -v -e '^\./$' -e '^\./usr/' "$work/contents" || true)
[ -z "$stray" ] || fail "files outside /usr: $stray"
if grep -q '\.[ch]$' "$work/contents"; then fail "the package carries sources"; fi
dpkg-deb -x "$deb" "$work/root"
grep -q "License: OFL-1.1" "$work/root/usr/share/doc/attune/copyright" || fail "the copyright file lacks the font licence"
"$work/root/usr/bin/attune" --version > "$work/version.out"
contains "$work/version.out" "content: $work/root/usr/share/attune/levels (installed)"

[ $fails -eq 0 ] && echo "deb package: all good"
exit $fails
