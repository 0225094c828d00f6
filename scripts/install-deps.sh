#!/usr/bin/env bash
# Installs exactly the Debian 12 packages laborsim's build, run and tests need.
# Idempotent: does nothing (and needs no network or root) when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake git ca-certificates
  libboost-graph-dev libboost-random-dev libtbb-dev libhdf5-dev
  nlohmann-json3-dev libvalijson-dev libcli11-dev librandom123-dev
  libgtest-dev libbenchmark-dev
  # The libFuzzer targets (tests/fuzz): clang and its fuzzer and sanitizer runtimes.
  clang libclang-rt-14-dev
  # Sweeps: `sweep run --mpi` (Open MPI, on by default: LABORSIM_WITH_MPI); the tests' one-node
  # Slurm cluster (scripts/slurm/local-cluster.sh) that runs scripts/slurm/sweep.sbatch.
  openmpi-bin libopenmpi-dev slurm-wlm munge
  # Debian's Python stack: seen by /usr/bin/python3 only (another python3 may come first on
  # PATH), so the Makefile, CTest and every script run /usr/bin/python3, never a bare python3.
  python3 python3-pytest python3-numpy python3-pandas python3-xarray
  python3-h5py python3-h5netcdf python3-netcdf4
  # The analysis package (analysis/python): plots, intervals, and the test that installs it.
  python3-matplotlib python3-scipy python3-pip python3-setuptools
  # The R reader (analysis/R) and its tests; ggplot2 for the documented example.
  r-base-core r-cran-hdf5r r-cran-jsonlite r-cran-testthat r-cran-ggplot2
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Python tests and scripts need these modules under /usr/bin/python3 itself.
/usr/bin/python3 -c 'import h5py, matplotlib, netCDF4, h5netcdf, numpy, pandas, pytest, scipy, xarray' ||
  { echo "install-deps: /usr/bin/python3 cannot import the Python packages just installed" >&2; exit 1; }
