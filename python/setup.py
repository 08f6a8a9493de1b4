# The record reader (byline/_records.c), built when pip installs the package and a C compiler and
# Python's headers (python3-dev) are there; without them the package reads records with json.loads.
# Everything else is in pyproject.toml.
from setuptools import Extension, setup

setup(ext_modules=[Extension("byline._records", ["byline/_records.c", "byline/_pool.c"], depends=["byline/_records.h"],
                             optional=True)])
