"""Self-check questions of each lesson, as data: lesson1.py ... lesson4.py (see coursekit.quiz)."""
