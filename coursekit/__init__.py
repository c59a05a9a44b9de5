"""coursekit: the calculations, charts and simulators of the 客户管理 (customer
management) course.

Start every lesson with::

    import coursekit
    coursekit.setup()          # Chinese font, plot style, fixed random seed

Importing coursekit changes nothing by itself; ``setup()`` does the settings.
"""

from coursekit._setup import setup
from coursekit.errors import CourseInputError
from coursekit.i18n import text

__version__ = "0.1.0"
__all__ = ["CourseInputError", "__version__", "setup", "text"]
