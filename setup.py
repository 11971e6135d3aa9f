"""Build hook: compile the extraction pipeline with Cython when it can.

Everything else about the package is declared in ``setup.cfg``. The modules of
``kg.nlp`` and ``kg.extract`` run for every syllable of every article; compiled
they do the same work in about 12 % fewer machine instructions (see
``benchmarks/RESULTS.md`` §12). They stay plain Python modules that Cython
compiles as they are, so:

* an editable install (``pip install -e .``) and a source checkout run the
  ``.py`` files, and an edit takes effect at once;
* where Cython or a C compiler is missing, or ``KG_PURE_PYTHON=1`` is set, the
  build warns and installs the pure-Python package, which gives the same graph.
"""

from __future__ import annotations

import os
from glob import glob

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# Hot-path packages; the modules below only drive batches and workers.
COMPILED_PACKAGES = ("kg/nlp", "kg/extract")
NOT_COMPILED = {"__init__.py", "batch.py", "distributed.py"}
SCRATCH = ".pybuild/cython"


def _modules() -> list[Extension]:
    if os.environ.get("KG_PURE_PYTHON"):
        return []
    paths = sorted(p for d in COMPILED_PACKAGES for p in glob(f"{d}/*.py") if os.path.basename(p) not in NOT_COMPILED)
    # -g0: no debug tables, which halves compile time and the size of the wheel.
    return [Extension(p[:-3].replace("/", "."), [p], optional=True, extra_compile_args=["-O2", "-g0"]) for p in paths]


class CompileIfPossible(build_ext):
    """Translate the modules with Cython only when a wheel is built, never in place."""

    def finalize_options(self) -> None:
        dist = self.distribution
        if dist.ext_modules:
            editable = self.inplace or getattr(self, "editable_mode", False)
            dist.ext_modules = [] if editable else _cythonize(dist.ext_modules)
        super().finalize_options()
        self.parallel = self.parallel or os.cpu_count() or 1


def _cythonize(extensions: list[Extension]) -> list[Extension]:
    """The extensions as C sources, or none (the pure package) if that fails."""
    try:
        from Cython.Build import cythonize

        return cythonize(
            extensions,
            build_dir=SCRATCH,
            quiet=True,
            compiler_directives={
                "language_level": 3,
                "binding": True,  # functions keep their signatures and docstrings
                "annotation_typing": False,  # annotations document; they never coerce
            },
        )
    except Exception as err:  # noqa: BLE001 - any failure leaves the pure package
        print(f"kg: Cython could not translate the pipeline ({err}); installing it as pure Python")
        return []


setup(ext_modules=_modules(), cmdclass={"build_ext": CompileIfPossible})
