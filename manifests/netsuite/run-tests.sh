#!/usr/bin/env bash
# Installs the pinned test dependencies from package-lock.json and runs the vendor kit's Node tests
# (node's built-in runner; its closing summary is what CI reads).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
npm ci --no-audit --no-fund --loglevel=error
npm test
