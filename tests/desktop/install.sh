#!/bin/sh
# Installed Attune stands on its own: a copy of the source tree is built (unoptimised, to be
# quick) and installed into a temporary prefix; then the source and build trees are renamed
# and the prefix moved, and the installed attune runs from there: --version and validate name
# the installed content folder, list, a scripted breathing session that is recorded,
# ATTUNE_CONTENT_DIR for an author's copy of the content with the shipped crisis lines kept and
# the author's own resources refused, and a clear refusal naming the folder once the content is
# gone. The moved build tree's binary refuses to start too.
#   install.sh SOURCE_DIR BUILD_DIR CMAKE
set -eu
src=$1 build=$2 cmake=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/attune-install-XXXXXX")
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
contains() { grep -qF -- "$2" "$1" || { fail "$1 does not contain \"$2\""; sed 's/^/    /' "$1" >&2; }; }

# The source tree without its build folders (and without history: hidden entries stay behind).
mkdir "$work/src"
for entry in "$src"/*; do
    case ${entry##*/} in build*) continue ;; esac
    [ "$entry" -ef "$build" ] || cp -R "$entry" "$work/src/"
done
logged() { # logged LOG COMMAND...: the command's output goes to LOG, shown if it fails
    log=$1
    shift
    "$@" > "$log" 2>&1 || { echo "FAIL: $*" >&2; cat "$log" >&2; exit 1; }
}
logged "$work/configure.log" "$cmake" -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_INSTALL_PREFIX="$work/prefix"
logged "$work/build.log" "$cmake" --build "$work/build" --target attune manpage -j2
logged "$work/install.log" "$cmake" --install "$work/build"
for f in bin/attune share/attune/levels/patterns.json share/attune/levels/resources.json \
    share/attune/fonts/Inter-Regular.otf share/attune/fonts/OFL.txt \
    share/applications/io.github.attune.Attune.desktop \
    share/metainfo/io.github.attune.Attune.metainfo.xml \
    share/icons/hicolor/scalable/apps/io.github.attune.Attune.svg \
    share/icons/hicolor/48x48/apps/io.github.attune.Attune.png \
    share/icons/hicolor/128x128/apps/io.github.attune.Attune.png \
    share/icons/hicolor/256x256/apps/io.github.attune.Attune.png \
    share/man/man1/attune.1.gz share/doc/attune/README.md share/doc/attune/copyright; do
    [ -f "$work/prefix/$f" ] || fail "not installed: $f"
done

mv "$work/src" "$work/src-renamed"
mv "$work/build" "$work/build-renamed"
mv "$work/prefix" "$work/moved"
a="$work/moved/bin/attune"
data="$work/data"
mkdir "$data"
echo '{"checkins": false, "welcomed": true}' > "$data/settings.json"

"$a" --version > "$work/version.out"
contains "$work/version.out" "content: $work/moved/share/attune/levels (installed)"
"$a" --data-dir "$data" validate > "$work/validate.out" 2>&1 || fail "validate exited $?"
contains "$work/validate.out" "Content folder: $work/moved/share/attune/levels (installed)"
contains "$work/validate.out" ": no problems"
"$a" --data-dir "$data" list > "$work/list.out" || fail "list exited $?"
contains "$work/list.out" "quick-calm"

# A scripted quick calm to its end: 3 s to get ready, then a minute.
printf 'wait 5000\ntexts %s\nwait 60000\n' "$work/breathing.json" > "$work/breathe.script"
"$a" --data-dir "$data" --window 800x600 --script "$work/breathe.script" breathe \
    > "$work/breathe.out" 2>&1 || fail "the scripted breathing session exited $?"
contains "$work/breathing.json" "Breathe"
contains "$data/practice.jsonl" '"content":"quick-calm"'
contains "$data/practice.jsonl" '"completed":true'

# An author's copy of the content with a pattern of their own; the crisis lines stay the
# shipped ones, and resources of the author's own are refused by name.
mkdir "$work/mine"
cp "$work/moved/share/attune/levels/"*.json "$work/mine/"
rm "$work/mine/resources.json"
cat > "$work/mine/zz-mine.json" <<'JSON'
{"patterns": [{"id": "slow-mine", "title": "My slow breath", "when": "Evenings.",
  "steps": [{"kind": "in", "ms": 4000}, {"kind": "out", "ms": 6000}]}]}
JSON
ATTUNE_CONTENT_DIR="$work/mine" "$a" --version > "$work/override.out"
contains "$work/override.out" "content: $work/mine (ATTUNE_CONTENT_DIR; safety resources from $work/moved/share/attune/levels)"
ATTUNE_CONTENT_DIR="$work/mine" "$a" --data-dir "$data" list > "$work/mine-list.out" 2>&1 || fail "list (override) exited $?"
contains "$work/mine-list.out" "slow-mine"
cat > "$work/mine/resources.json" <<'JSON'
{"resources": {"notice": "Replaced notice."}}
JSON
if ATTUNE_CONTENT_DIR="$work/mine" "$a" --data-dir "$data" validate > "$work/mine-validate.out" 2>&1; then
    fail "validate accepted resources in an author's folder"
fi
contains "$work/mine-validate.out" "$work/mine/resources.json"
printf 'wait 500\nkey F1\nwait 500\ntexts %s\n' "$work/help.json" > "$work/help.script"
ATTUNE_CONTENT_DIR="$work/mine" "$a" --data-dir "$data" --window 800x600 --region US \
    --script "$work/help.script" > "$work/help.out" 2>&1 || fail "the scripted help exited $?"
contains "$work/help.json" "988"
grep -q "Replaced notice" "$work/help.json" && fail "an author's notice replaced the shipped one"

# No content beside the binary: a clear refusal naming the folder; data commands still run.
mv "$work/moved/share" "$work/share-gone"
if "$a" --data-dir "$data" list > "$work/gone.out" 2>&1; then fail "list ran without content"; fi
contains "$work/gone.out" "no content folder found: $work/moved/share/attune/levels"
"$a" --data-dir "$data" stats > "$work/stats.out" 2>&1 || fail "stats needs no content, but exited $?"
# The moved build tree's own binary no longer finds its source tree.
if "$work/build-renamed/attune" --data-dir "$data" list > "$work/built.out" 2>&1; then
    fail "a binary in a moved build tree still ran"
fi
contains "$work/built.out" "no content folder found"

[ $fails -eq 0 ] && echo "installed attune: all good"
exit $fails
