"""newsclean: the article alone, with its metadata, from scraped news (HTML pages or text dumps).

>>> import newsclean
>>> body = "The harbour reopened on Monday after a week of repairs, officials said. " * 3
>>> doc = newsclean.clean("Menu\\nSign in\\n\\nA headline about the harbour\\n\\n" + body)
>>> doc.text.startswith("The harbour reopened")
True
"""

from .errors import DecodeError, NewscleanError, NoArticleError, ReadError, WriteError
from .models import Document, Kind, Line, Metadata, Options, Removal, Role
from .pipeline import clean
from .write import Format, render, to_dict

__all__ = [
    "clean", "render", "to_dict", "Format", "Document", "Metadata", "Options", "Kind", "Line", "Role", "Removal",
    "NewscleanError", "DecodeError", "NoArticleError", "ReadError", "WriteError",
]
__version__ = "0.1.0"
