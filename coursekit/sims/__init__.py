"""What-if simulators (模拟器): move a slider, see the economics change.

Each function returns a :class:`~coursekit.sims.base.Simulator`; make it the
last line of a notebook cell to show it. ``SIMULATORS`` lists them all, in the
order of the lessons (the benchmark and the tests walk through it).

Lesson 5's simulator (拓展) is loaded when first asked for: its models are fitted with
scipy, whose import (about 0.7 s and 35 MiB) lessons 1–4 need not pay.
"""

from coursekit.sims.complaints import complaint_response_simulator, expectation_simulator, overpromise_simulator
from coursekit.sims.customers import tv_choice_simulator
from coursekit.sims.pyramid import pyramid_simulator
from coursekit.sims.retention import acquire_or_retain_simulator, churn_cost_simulator, retention_simulator
from coursekit.sims.value import clv_simulator

_CORE = {
    "tv_choice": tv_choice_simulator,  # lesson 1: the TV choice, weighted scoring
    "clv": clv_simulator,  # lesson 2: lifetime value calculator
    "pyramid": pyramid_simulator,  # lesson 2: customer pyramid and 80/20
    "retention": retention_simulator,  # lesson 3: retention what-if
    "acquire_or_retain": acquire_or_retain_simulator,  # lesson 3: a fixed budget, two uses
    "churn_cost": churn_cost_simulator,  # lesson 3: the wireless case
    "expectation": expectation_simulator,  # lesson 4: expectation and satisfaction
    "overpromise": overpromise_simulator,  # lesson 4: why over-promising backfires
    "complaint_response": complaint_response_simulator,  # lesson 4: complaint handling
}


def __getattr__(name):
    """``lifetime_simulator`` and ``SIMULATORS`` (which holds it), imported on first use."""
    if name == "lifetime_simulator":
        from coursekit.sims.lifetime import lifetime_simulator

        return lifetime_simulator
    if name == "SIMULATORS":
        # lesson 5 (optional): one customer's P(alive) and lifetime value
        return {**_CORE, "lifetime": __getattr__("lifetime_simulator")}
    raise AttributeError(f"module 'coursekit.sims' has no attribute {name!r}")


__all__ = [
    "SIMULATORS",
    "acquire_or_retain_simulator",
    "churn_cost_simulator",
    "clv_simulator",
    "complaint_response_simulator",
    "expectation_simulator",
    "lifetime_simulator",
    "overpromise_simulator",
    "pyramid_simulator",
    "retention_simulator",
    "tv_choice_simulator",
]
