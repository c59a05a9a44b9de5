"""Interactive forms that still show something where no kernel runs.

A widget needs a running kernel; a static HTML handout or a notebook viewer has
none and would print ``VBox(...)``. :class:`WithFallback` shows the widget where
widgets work and a plain HTML version (the questions, the form's fields)
everywhere else. Everything else is passed on to the widget, so ``form.table()``
or ``quiz.children`` work as before.
"""


class WithFallback:
    def __init__(self, widget, html):
        self.widget, self.html = widget, html

    def __getattr__(self, name):
        return getattr(self.widget, name)

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.html
        return bundle
