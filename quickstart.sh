#!/usr/bin/env bash
# Installs what is missing, builds dossier, indexes the bundled example
# archive into ./dossier-db and asks it a few questions.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
rm -rf dossier-db
set -x
build/bin/dossier index --db dossier-db examples/
build/bin/dossier stats --db dossier-db
build/bin/dossier search --db dossier-db 'artificial intelligence' --limit 3
build/bin/dossier said --db dossier-db --by Konwinski --about China
build/bin/dossier path --db dossier-db "Pete Sonsini" Databricks
