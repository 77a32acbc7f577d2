"""The built-in stages; importing this package registers them."""

from .. import native

# before the quote stage is imported: a stale compiled module is never used
native.install()

from . import actors as actors  # noqa: E402
from . import clean as clean  # noqa: E402
from . import events as events  # noqa: E402
from . import nlp as nlp  # noqa: E402
from . import quotes as quotes  # noqa: E402
