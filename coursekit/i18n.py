"""The course's words in two languages: a small engine for message catalogs.

Every label and message coursekit shows lives in a catalog: a TOML file in
``coursekit/messages/`` named like the module that shows it, each entry in Chinese
and English side by side. ``messages/value.toml`` holds the messages of
``coursekit/value.py``, ``messages/sims/value.toml`` those of ``coursekit/sims/value.py``::

    [infinite_error]
    zh = "……"
    en = "..."

A key names the catalog and the entry: ``"value.infinite_error"`` is the entry
``infinite_error`` of ``messages/value.toml``. What several modules show has a catalog
of its own: ``columns`` (a table column's label, ``"columns.<column>"``),
``categories`` (a category code's label, ``"categories.<code>"``), ``attributes``,
``units``, ``errors`` (the input checks) and ``common``.

Placeholders are Python's ``{name}`` / ``{name:.0%}``. A field may itself be a
:class:`Message` (it is shown in the same language), a :class:`Join` of messages or
an :class:`Arg`, the name of a function argument, which a simulator shows as its
slider's label instead.

This module imports nothing of coursekit, so every other module can use it.

>>> text("common.yes", lang="zh"), text("common.yes", lang="en")
('是', 'yes')
>>> text("errors.range", lang="en", name=Arg("retention"), value=1.5, allowed="[0, 1)")
'retention = 1.5 is not allowed; allowed: [0, 1).'
>>> text("errors.range", lang="en", name=Arg("retention"), value=1.5, allowed="[0, 1)",
...      labels={"retention": "Retention (%)"})
'Retention (%) = 1.5 is not allowed; allowed: [0, 1).'
"""

import tomllib
from pathlib import Path

LANGUAGES = ("zh", "en")
CATALOGS = Path(__file__).parent / "messages"
LONGEST_SHOWN = 120  # characters of a value a message repeats; longer values are cut with "…"

_state = {"lang": "zh"}
_loaded = {}  # catalog name -> {entry: {"zh": ..., "en": ...}}, read on first use


class Arg(str):
    """The name of a function argument inside a message: shown as it is, or as the label
    that ``labels`` gives it (a simulator's slider label)."""


class Whole(str):
    """Text a message shows whole, never cut to LONGEST_SHOWN characters: a hint or an
    explanation written by the course, not a value typed by a user.

    >>> len(text("exercises.wrong", lang="en", hint=Whole("x" * 300))) > 300
    True
    """


class Message:
    """A catalog entry and the values of its placeholders, shown in a language when needed.

    Parameters:
        key: a catalog key ``"<catalog>.<entry>"``, e.g. ``"common.yes"``; it must exist when the message is shown.
        **fields: the values of the entry's placeholders (numbers, text, :class:`Arg` names, other Messages or
            :class:`Join`), one per placeholder.

    >>> Message("common.yes").render("en")
    'yes'
    """

    def __init__(self, key, **fields):
        self.key, self.fields = key, fields

    def render(self, lang=None, labels=None):
        """The message in ``lang`` (default: the current language).

        Parameters:
            lang: ``"zh"``, ``"en"`` or None for the current language.
            labels: None or a dict argument name → the words to show instead (a simulator's slider labels).
        """
        return text(self.key, lang=lang, labels=labels, **self.fields)

    def bilingual(self, labels=None):
        """The message in Chinese, then in English: ``"中文 / English"``.

        Parameters:
            labels: None or a dict argument name → the words to show instead.
        """
        return " / ".join(self.render(lang, labels) for lang in LANGUAGES)

    def __str__(self):
        return self.render()

    def __repr__(self):
        return f"Message({self.key!r})"


class Join:
    """Several messages (or plain values) shown one after another, separated by the
    catalog entry ``separator`` ("common.list_separator": 、 in Chinese, ", " in English).

    Parameters:
        parts: what to show, in order (a list or any iterable): :class:`Message` and :class:`Join` objects,
            :class:`Arg` names, plain text or numbers.
        separator: the catalog key ``"<catalog>.<entry>"`` of the separator between them; it must exist.

    >>> Join([Message("common.yes"), Message("common.no")]).render("zh")
    '是、否'
    """

    def __init__(self, parts, separator="common.list_separator"):
        self.parts, self.separator = list(parts), separator

    def render(self, lang=None, labels=None):
        """The parts in ``lang`` (default: the current language), joined by the separator.

        Parameters:
            lang: ``"zh"``, ``"en"`` or None for the current language.
            labels: None or a dict argument name → the words to show instead.
        """
        lang = get_language() if lang is None else lang
        return text(self.separator, lang=lang).join(str(_shown(part, lang, labels)) for part in self.parts)

    def __str__(self):
        return self.render()


class LocalizedError(ValueError):
    """An error whose message is a catalog entry, shown in the current language.

    ``str(err)`` is the message in the current language, ``err.bilingual()`` both,
    ``err.render(lang, labels)`` one language with argument names replaced by labels.
    """

    def __init__(self, key, **fields):
        super().__init__(key)
        self.message = Message(key, **fields)

    @property
    def key(self):
        return self.message.key

    @property
    def fields(self):
        return self.message.fields

    def render(self, lang=None, labels=None):
        return self.message.render(lang, labels)

    def bilingual(self, labels=None):
        return self.message.bilingual(labels)

    def __str__(self):
        return self.message.render()

    def __reduce__(self):
        return _rebuild, (type(self), self.key, self.fields)


def _rebuild(cls, key, fields):
    return cls(key, **fields)


def set_language(lang):
    """Choose the language of every label and message: ``"zh"`` or ``"en"``.

    Parameters:
        lang: ``"zh"`` or ``"en"``.
    """
    _check_language(lang)
    _state["lang"] = lang


def get_language():
    """The language chosen by :func:`set_language` (``"zh"`` unless changed)."""
    return _state["lang"]


def _check_language(lang):
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise LocalizedError(
            "i18n.unknown_language", name=Arg("lang"), value=_abbreviated(lang), allowed=", ".join(LANGUAGES)
        )


def catalog(name):
    """The entries of catalog ``name`` (``"value"``, ``"sims.value"``, ...), as a dict
    ``{entry: {"zh": ..., "en": ...}}``, read from its TOML file once.

    Parameters:
        name: a catalog's name, the path of its TOML file under ``coursekit/messages`` with dots (``"sims.value"``),
            text, one of :func:`catalog_names`; any other name raises a LocalizedError.

    >>> catalog("common")["yes"]
    {'zh': '是', 'en': 'yes'}
    """
    if not isinstance(name, str) or name not in _loaded:
        path = CATALOGS.joinpath(*name.split(".")).with_suffix(".toml") if isinstance(name, str) and name else None
        if path is None or not path.is_file():
            raise LocalizedError("i18n.unknown_catalog", name=Arg("name"), value=_abbreviated(name), folder=CATALOGS)
        with path.open("rb") as file:
            _loaded[name] = tomllib.load(file)
    return _loaded[name]


def catalog_names():
    """The names of every catalog (``"columns"``, ``"sims.value"``, ...), sorted."""
    return sorted(".".join(path.relative_to(CATALOGS).with_suffix("").parts) for path in CATALOGS.rglob("*.toml"))


def _split(key):
    """``"sims.value.clv_margin"`` → ``("sims.value", "clv_margin")``."""
    if not isinstance(key, str) or "." not in key:
        raise LocalizedError("i18n.unknown_key", name=Arg("key"), value=_abbreviated(key))
    name, _, entry = key.rpartition(".")
    return name, entry


def entry(key):
    """The entry ``key`` in both languages, as a dict ``{"zh": ..., "en": ...}``.

    Parameters:
        key: ``"<catalog>.<entry>"`` of an existing entry, e.g. ``"columns.revenue"``.

    >>> entry("columns.revenue")["en"]
    'Revenue (yuan)'
    """
    name, item = _split(key)
    try:
        entries = catalog(name)
    except LocalizedError:  # no such catalog: say which key was asked for
        raise LocalizedError("i18n.unknown_key", name=Arg("key"), value=_abbreviated(key)) from None
    if item not in entries:
        raise LocalizedError("i18n.unknown_key", name=Arg("key"), value=_abbreviated(key))
    return entries[item]


def all_entries():
    """Every entry of every catalog, as ``{key: {"zh": ..., "en": ...}}`` (for tests and tools)."""
    return {f"{name}.{item}": langs for name in catalog_names() for item, langs in catalog(name).items()}


def has_text(key):
    """True if ``key`` is an entry of a catalog.

    Parameters:
        key: ``"<catalog>.<entry>"``, e.g. ``"columns.revenue"``; a key without a dot is refused.

    >>> has_text("columns.revenue"), has_text("columns.no_such_column")
    (True, False)
    """
    name, item = _split(key)
    try:
        return item in catalog(name)
    except LocalizedError:
        return False


def text(key, lang=None, labels=None, **fields):
    """The label or message ``key`` in ``lang`` (default: the current language), with
    its placeholders filled from ``fields``; ``labels`` maps argument names (fields that
    are an :class:`Arg`) to the words to show instead.

    Parameters:
        key: ``"<catalog>.<entry>"`` of an existing entry.
        lang: ``"zh"``, ``"en"`` or None for the current language.
        labels: None or a dict argument name → the words to show instead.
        **fields: the values of the entry's placeholders, one for each (a missing one raises KeyError): numbers,
            text, :class:`Arg` names, :class:`Message` or :class:`Join` objects.

    >>> text("guide.demo_year", lang="zh", n=3)
    '第3年'
    """
    lang = get_language() if lang is None else lang
    _check_language(lang)
    return entry(key)[lang].format(**{field: _shown(value, lang, labels) for field, value in fields.items()})


def category_label(code, lang=None):
    """The label of a category code (the ``categories.<code>`` entry), or the code itself.

    Parameters:
        code: a category code (e.g. ``"retail"``); anything else is returned as it is.
        lang: ``"zh"``, ``"en"`` or None for the current language.

    >>> category_label("retail", lang="en"), category_label("no-such-code")
    ('Retail customer', 'no-such-code')
    """
    key = f"categories.{code}"
    return text(key, lang=lang) if isinstance(code, str) and has_text(key) else code


def _shown(value, lang, labels):
    """A field's value as a message shows it: messages in ``lang``, argument names as
    their labels, numpy scalars as plain numbers, very long values cut short."""
    if isinstance(value, (Message, Join)):
        return value.render(lang, labels)
    if isinstance(value, Arg):
        return (labels or {}).get(str(value), str(value))
    if isinstance(value, Whole):
        return str(value)
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:
        return value.item()  # 1.5, not np.float64(1.5)
    return _abbreviated(value)


class _Cut(str):
    """A long value's text, cut short; shows the same with ``!r`` and ``!s``."""

    def __repr__(self):
        return str(self)


def _abbreviated(value):
    """``value`` itself, or when its text is longer than LONGEST_SHOWN characters, the
    beginning of it followed by "…" (an error message never repeats a huge input)."""
    if isinstance(value, (int, float, complex, type(None))):
        return value
    shown = repr(value)
    if len(shown) <= LONGEST_SHOWN:
        return value
    return _Cut(shown[: LONGEST_SHOWN - 1] + "…")
