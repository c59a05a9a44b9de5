"""Redraw only what moves: the fast path of simulators whose figure is mostly still.

Not for reading first (see :mod:`coursekit.sims.base` for how a simulator works): a
figure where a move changes one panel of two is kept as a still picture, and only the
moving artists are drawn over it at each move (matplotlib's "blitting", see its
"Faster rendering by using blitting" tutorial). ``tests/test_sims_base.py`` checks that
the picture equals a full redraw pixel for pixel.
"""

import io

import numpy as np
from matplotlib.image import imsave


class Layers:
    """A figure kept as a still picture plus the artists drawn over it at each move
    (matplotlib's "blitting"), for figures where a move changes a small part.

    On top go the moving artists and every other artist of their axes at or above their
    lowest zorder (an axes draws its children in zorder), so a move gives exactly the
    picture a full redraw gives. The still picture is drawn once, at the first ``png()``.
    """

    def __init__(self, fig, moving):
        self.fig, self.top, self.still = fig, [], None
        for ax in dict.fromkeys(artist.axes for artist in moving):
            lowest = min(artist.get_zorder() for artist in moving if artist.axes is ax)
            children = [child for child in ax.get_children() if child is not ax.patch]
            self.top += sorted((c for c in children if c.get_zorder() >= lowest), key=lambda c: c.get_zorder())

    def png(self):
        """The figure as PNG bytes (compression level 1), drawing only the top artists."""
        canvas = self.fig.canvas
        if self.still is None:  # the figure without the top artists ("animated" ones are left out)
            for artist in self.top:
                artist.set_animated(True)
            canvas.draw()
            self.still = canvas.copy_from_bbox(self.fig.bbox)
            for artist in self.top:
                artist.set_animated(False)  # so that saving the figure draws everything
        canvas.restore_region(self.still)
        for artist in self.top:
            self.fig.draw_artist(artist)
        buffer = io.BytesIO()
        imsave(buffer, np.asarray(canvas.buffer_rgba()), format="png", pil_kwargs={"compress_level": 1})
        return buffer.getvalue()
