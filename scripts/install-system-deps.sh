#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks need, if they are missing:
#   chromium                         the browser the e2e suite drives (playwright-core)
#   r-base-core, r-cran-survival     R's survival package, the Kaplan-Meier oracle
#   python3-scipy                    scipy: the reference for hyp2f1 and BG/NBD in the tests,
#                                    and the fit the model benchmark compares with
#   libsecret-1-dev                  lets keytar (pulled by office-addin-debugging) build
#                                    where npm runs its install script
# Usage: bash scripts/install-system-deps.sh   (as root, or with sudo available)
set -euo pipefail

packages=(chromium r-base-core r-cran-survival python3-scipy libsecret-1-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
if ! command -v apt-get >/dev/null; then
  echo "error: these Debian packages are missing and there is no apt-get here: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "error: installing ${missing[*]} needs root; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
