"""What-if simulators (模拟器): move a slider, see the economics change.

Each function returns a :class:`~coursekit.sims.base.Simulator`; make it the
last line of a notebook cell to show it.
"""
