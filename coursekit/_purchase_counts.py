"""The fast path of :func:`coursekit.segments.purchase_summary`, for long transaction logs.

Not for reading first: ``segments.purchase_summary`` says what is counted with a plain
``groupby``; this module counts the same with integer arrays (customers as codes 0, 1, 2,
...; periods as whole numbers), about 5× faster on a million purchases.
``tests/test_segments.py`` checks on random logs that both give the same table.
"""

import numpy as np
import pandas as pd


def purchase_summary(data, customer, amount, end):
    """frequency, recency, T and monetary_value per customer (see segments.purchase_summary)
    of ``data``: checked transactions with a whole-number ``period`` column, none after ``end``."""
    code, ids = pd.factorize(data[customer], sort=True)  # customers as 0, 1, 2, ... in id order
    period, spent = data["period"].to_numpy(), data[amount].to_numpy()
    first_period = period.min()
    n = len(ids)
    first = np.full(n, end)
    np.minimum.at(first, code, period)  # p₁ of every customer
    last = np.full(n, first_period)
    np.maximum.at(last, code, period)  # pₗ
    # k: the customer's distinct purchase periods; a (customer, period) pair as one whole number
    span = end - first_period + 1
    pairs = pd.unique(code * span + (period - first_period))
    k = np.bincount(pairs // span, minlength=n)
    # the mean of the k − 1 repeat periods' amounts = the amounts after the first period / (k − 1)
    repeat_spent = np.bincount(code, weights=np.where(period > first[code], spent, 0.0), minlength=n)
    summary = pd.DataFrame(
        {
            "frequency": k - 1,
            "recency": last - first,
            "T": end - first,
            "monetary_value": np.divide(repeat_spent, k - 1, out=np.zeros(n), where=k > 1),
        },
        index=pd.Index(ids, name=customer),
    )
    return summary.astype(float)
