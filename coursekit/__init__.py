"""coursekit: the calculations, charts and simulators of the 客户管理 (customer
management) course.

Start every lesson with::

    import coursekit
    coursekit.setup()          # Chinese font, plot style, fixed random seed

Importing coursekit changes nothing by itself; ``setup()`` does the settings. (One
exception: where the home folder is read-only, matplotlib is given a private temporary
folder for its font cache instead of warning in every lesson; see ``_config_dir.py``.)
The modules are named for the course's ideas and load when first used:
``coursekit.customer_base`` (who the customers are, how they choose),
``coursekit.value`` (lifetime value), ``coursekit.retention`` (retention and
churn economics), ``coursekit.segments`` (RFM, 80/20, customer tiers),
``coursekit.complaints`` (satisfaction and complaint handling), ``coursekit.holdout``
and ``coursekit.customer_outlook`` (lesson 5: checking a repeat-buying model on a holdout
year, each customer's P(alive) and lifetime value), ``coursekit.data``
(course datasets, reading your own CSV); ``coursekit.charts`` draws their tables,
``coursekit.sims`` are the what-if simulators; ``coursekit.exercises`` and
``coursekit.quiz`` check students' work; ``coursekit.display`` shows results with
their labels. docs/architecture.md draws the layers.
"""

from importlib import import_module

from coursekit._config_dir import use_a_writable_config_dir

use_a_writable_config_dir()  # before matplotlib is imported (by _setup's style)

from coursekit._setup import setup  # noqa: E402
from coursekit.errors import CourseInputError  # noqa: E402
from coursekit.i18n import text  # noqa: E402

__version__ = "0.1.0"
__all__ = ["CourseInputError", "__version__", "setup", "text"]

MODULES = (
    "charts",
    "complaints",
    "customer_base",
    "customer_outlook",
    "data",
    "display",
    "errors",
    "exercises",
    "guide",
    "holdout",
    "i18n",
    "profile",
    "quiz",
    "repeat_buying",
    "retention",
    "segments",
    "sims",
    "style",
    "value",
)


def __getattr__(name):
    """``coursekit.value`` etc. without importing every module at ``import coursekit``."""
    if name in MODULES:
        return import_module(f"coursekit.{name}")
    raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
