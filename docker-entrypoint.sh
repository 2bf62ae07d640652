#!/bin/sh
# nashra's container entrypoint: makes /data usable, seeds the corpus on first run, then
# runs the command as the unprivileged user (node, or NASHRA_USER).
#
# A bind mount (-v "$PWD/nashra-data:/data") starts empty and owned by root, where the
# node user could not create the database. Started as root (the default), this gives
# /data to node and drops to it; started with --user, it checks that /data is writable
# and, if not, says how to fix it on the host.
set -eu

DATA_DIR=${NASHRA_DATA_DIR:-/data}
CORPUS_DIR=${NASHRA_CORPUS_DIR:-$DATA_DIR/corpus}
SEED_DIR=${NASHRA_SEED_DIR:-/app/seed-corpus}
FEEDS_FILE=${NASHRA_FEEDS:-$DATA_DIR/feeds.txt}
SEED_FEEDS=${NASHRA_SEED_FEEDS:-/app/seed-feeds.txt}
RUN_AS=${NASHRA_USER:-node}

# The first run gets the sample articles (every file of the seed corpus, .txt or .jsonl);
# a corpus folder that exists, even emptied on purpose, is left alone.
seed() {
  if [ ! -e "$CORPUS_DIR" ] && [ -d "$SEED_DIR" ]; then
    mkdir -p "$CORPUS_DIR"
    cp -R "$SEED_DIR"/. "$CORPUS_DIR"/
    echo "nashra: seeded $CORPUS_DIR with the sample articles" >&2
  fi
  # The feeds file starts as the commented-out sample: edit it to follow news sites.
  if [ ! -e "$FEEDS_FILE" ] && [ -f "$SEED_FEEDS" ]; then
    cp "$SEED_FEEDS" "$FEEDS_FILE"
  fi
}

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$DATA_DIR"
  seed
  # Only what is not already the user's is changed, so a large corpus is not walked twice.
  find "$DATA_DIR" ! -user "$RUN_AS" -exec chown "$RUN_AS:$RUN_AS" {} +
  exec setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups -- "$@"
fi

if [ ! -w "$DATA_DIR" ]; then
  echo "nashra: $DATA_DIR is not writable by uid $(id -u): on the host, run  sudo chown -R $(id -u):$(id -g) <the folder mounted at $DATA_DIR>  (or start the container without --user)" >&2
  exit 1
fi
seed
exec "$@"
