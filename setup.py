"""Package list for setuptools (metadata lives in pyproject.toml).

The rulebooks in the top-level ``rules/`` folder are data, not code; they are
installed as the package ``fazhi.rules`` so that the default rulebook is found
after a plain ``pip install .`` as well as in a checkout.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "fazhi.rules"],
    package_dir={"": "src", "fazhi.rules": "rules"},
)
