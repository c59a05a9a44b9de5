"""The hands-on exercises (动手练) of each lesson, as data: lesson1.py ... (see coursekit.exercises)."""
