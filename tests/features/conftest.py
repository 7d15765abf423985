"""The step library of the feature files, shared with ``plancheck`` itself."""

from plancheck.features.steps import *  # noqa: F403  (pytest-bdd finds steps among the module's names)
