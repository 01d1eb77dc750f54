#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need
# (Debian's chromium for the browser tests, CJK fonts for screenshots, npm for the zoom viewer's library), then builds and tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# The web app's build copies OpenSeadragon from npm (package-lock.json) into wwwroot/lib.
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need: ${need[*]}. Install them (apt-get install ${need[*]}) or run this script as root." >&2
    exit 1
  fi
  echo "Installing ${need[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Catalogue.sln
dotnet build Catalogue.sln --no-restore -c Release

results=$(mktemp -d)
status=0
dotnet test Catalogue.sln --no-build -c Release --logger "trx" --results-directory "$results" || status=$?

# One closing line for every runner: counts from the TRX files, and a skipped test is a failure.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$skipped" -gt 0 ]; then
  echo "Skipped tests hide gaps: every test must run." >&2
  status=1
fi
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
exit $status
