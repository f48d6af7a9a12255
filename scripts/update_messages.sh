#!/bin/sh
# Refresh majlis/locale/{fr,ar,en} from the source, then compile the .mo files.
# Needs GNU gettext (xgettext, msgmerge) on the translator's machine only: users get the
# compiled .mo files, and scripts/compile_messages.py itself is pure Python (polib).
set -eu

cd "$(dirname "$0")/.."

data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT
export DJANGO_SETTINGS_MODULE=majlis.settings
export MAJLIS_DATA_DIR="$data_dir"

for domain in django djangojs; do
  .venv/bin/majlis manage makemessages -d "$domain" -l fr -l ar -l en --no-obsolete \
    --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' \
    --ignore 'var/*' --ignore 'build/*' --ignore '*/vendor/*'
done

.venv/bin/python scripts/compile_messages.py
