#!/bin/sh
# The desktop entry and the AppStream metainfo validate (desktop-file-validate and appstreamcli
# come with `scripts/dev test`: a missing tool fails this test, it never skips); one id names the
# .desktop file, the metainfo and the icon; every command and option of `attune --help` is in
# the man page; each icon PNG is the size its folder says.
#   files.sh ATTUNE SOURCE_DIR BUILD_DIR
set -eu
attune=$1 src=$2 build=$3
id=io.github.attune.Attune
work=$(mktemp -d "${TMPDIR:-/tmp}/attune-files-XXXXXX")
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

desktop-file-validate "$src/data/$id.desktop" || fail "desktop-file-validate $id.desktop"
appstreamcli validate --no-net "$build/$id.metainfo.xml" || fail "appstreamcli validate $id.metainfo.xml"
grep -qx "Icon=$id" "$src/data/$id.desktop" || fail "the desktop entry's icon is not $id"
grep -q "<id>$id</id>" "$build/$id.metainfo.xml" || fail "the metainfo id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$build/$id.metainfo.xml" ||
    fail "the metainfo does not launch $id.desktop"
for action in quick-calm breathe ground cards cards-together progress; do
    grep -qx "\[Desktop Action $action\]" "$src/data/$id.desktop" || fail "no desktop action $action"
done
for shot in $(sed -n 's|.*<image>.*/\([a-z-]*\.png\)</image>.*|\1|p' "$build/$id.metainfo.xml"); do
    [ -f "$src/assets/screenshots/$shot" ] || fail "the metainfo shows $shot, not in assets/screenshots"
done

# The man page documents what --help lists (its source writes - as \-).
"$attune" --help > "$work/help.txt"
man=$(sed 's/\\-/-/g' "$src/data/attune.1")
for word in $(sed -n '/^Commands:/,/^$/p' "$work/help.txt" | grep -E '^  [a-z]' | awk '{ print $1 }' | sort -u) \
    $(grep -o -- '--[a-z-]*' "$work/help.txt" | sort -u); do
    case $man in *"$word"*) ;; *) fail "the man page does not mention $word" ;; esac
done

# PNG width and height are bytes 16-23, big-endian.
for size in 48 128 256; do
    png="$src/assets/icons/$size/$id.png"
    dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }')
    [ "$dims" = "${size}x$size" ] || fail "$png is $dims, not ${size}x$size"
done

[ $fails -eq 0 ] && echo "desktop files: all good"
exit $fails
