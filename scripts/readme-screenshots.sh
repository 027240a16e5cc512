#!/usr/bin/env bash
# Copies the README's screenshots from the last e2e run (test-results/screenshots, written by the
# Playwright flows against the browser preview on the embedded sandbox) into docs/screenshots.
# Run after `ANTOM_TEST_STAGES=e2e bash test/run-tests.sh` (or `npm test`), then look at them and
# commit: the README shows exactly these files, so they are as current as the last e2e run.
set -euo pipefail
cd "$(dirname "$0")/.."
from=test-results/screenshots
to=docs/screenshots
# The README's gallery, in its order: one picture per main job, both themes shown.
shots=(
  payments-list-1440-light
  overview-light
  overview-dark
  job-operations-captured-twice-refunded-light-1440
  job-support-payment-story-dark-1440
  notifications-light
  job-integrator-sandbox-tools-light-1440
  audit-light
  troubleshoot-dark
  job-operations-payment-story-light-900
)
missing=0
for name in "${shots[@]}"; do
  if [[ ! -f "$from/$name.png" ]]; then
    echo "readme-screenshots: $from/$name.png is missing: run the e2e stage first (ANTOM_TEST_STAGES=e2e bash test/run-tests.sh)" >&2
    missing=1
  fi
done
[[ $missing -eq 0 ]] || exit 1
rm -rf "$to"
mkdir -p "$to"
for name in "${shots[@]}"; do cp "$from/$name.png" "$to/$name.png"; done
echo "readme-screenshots: ${#shots[@]} pictures copied to $to"
