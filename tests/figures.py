"""What the tests check about a drawn figure."""


def beyond_the_figure(fig):
    """How far (inches) the content of ``fig`` as last drawn reaches beyond each edge of the
    figure, for the edges it crosses by more than 0.01 inch: ``{}`` when everything fits."""
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    edges = {"left": -box.x0, "bottom": -box.y0, "right": box.x1 - width, "top": box.y1 - height}
    return {edge: round(float(inches), 3) for edge, inches in edges.items() if inches > 0.01}
