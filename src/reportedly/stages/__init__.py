"""The built-in stages; importing this package registers them."""

from . import actors as actors
from . import clean as clean
from . import events as events
from . import nlp as nlp
from . import quotes as quotes
