"""Widgets that render the visitor's session: the drawings, the pages, the header, the
layouts, the page router and the main window.  Imports the model, never the kiosk."""
