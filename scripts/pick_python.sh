#!/bin/sh
# Prints the interpreter that `make` builds .venv from (the Makefile's PYTHON, unless given: `make PYTHON=...`).
#
# The distribution's CPython comes first when it is >= 3.11 and can make a venv and compile the rules (ensurepip
# and the headers, Debian's python3-venv and python3-dev): distributions build CPython with profile-guided and
# link-time optimisation, which pyenv's default build leaves out, and on the same machine Debian's 3.11 ran the
# extractor about 15 % faster than pyenv's 3.11 (README, "Speed"). Otherwise the first python3 on PATH.
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import os, sys, sysconfig, ensurepip, venv
sys.exit(0 if sys.version_info >= (3, 11)
         and os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) else 1)' 2>/dev/null; then
        echo "$candidate"
        exit 0
    fi
done
echo python3
