"""Where the tests find the library and the CLI: BYLINE_LIBRARY and BYLINE_CLI (ctest sets both),
else the build/ folder of this checkout. ../shared (the development corpora): BYLINE_SHARED, else the
folder beside the checkout."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
os.environ.setdefault("BYLINE_LIBRARY", os.path.join(ROOT, "build", "libbyline.so"))
os.environ.setdefault("BYLINE_CLI", os.path.join(ROOT, "build", "byline"))
sys.path.insert(0, os.path.join(ROOT, "python"))
SHARED = os.environ.get("BYLINE_SHARED", os.path.join(ROOT, "..", "shared"))
# Dask's worker processes start afresh: they find the package through PYTHONPATH
os.environ["PYTHONPATH"] = os.pathsep.join(
    [os.path.join(ROOT, "python")] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
