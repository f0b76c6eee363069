"""Handouts: a page of the explorer on paper or in a PDF (see :mod:`.actions`)."""
