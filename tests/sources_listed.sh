#!/bin/sh
# CMakeLists.txt lists every source and test file by name (no GLOB): fail if one is missing, so
# a new file is never left out of the build without a word.
cd "$(dirname "$0")/.." || exit 2
missing=0
for f in $(find src -name '*.c' | sort) tests/unit/test_*.c tests/app/test_*.c; do
  if ! grep -Eq "(^|[ (])$f([ )]|\$)" CMakeLists.txt; then
    echo "$f is not listed in CMakeLists.txt"
    missing=1
  fi
done
exit $missing
