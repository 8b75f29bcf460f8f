"""VirtualTable: a table for very large data that renders only its visible rows.

The widget is in `widget.py` (its docstring tells how to use it); the rest is split by
concern: `model.py` (`Column`, `Row`, what a cell holds), `layout.py` (column widths:
measured, dropped and flexed to fit), `search.py` (search strategies, search texts and
filtering), `contact_search.py` (the phone-book strategy), `selection.py` (the selected
row keys), `sorting.py` (sort keys and order) and `render.py` (drawing the header and a row).
"""

from spikon_tui.ui.widgets.virtual_table.contact_search import ContactSearch
from spikon_tui.ui.widgets.virtual_table.model import Cell, Column, Row
from spikon_tui.ui.widgets.virtual_table.search import TableQuery, TableSearch, WordSearch
from spikon_tui.ui.widgets.virtual_table.widget import VirtualTable

__all__ = [
    "Cell",
    "Column",
    "ContactSearch",
    "Row",
    "TableQuery",
    "TableSearch",
    "VirtualTable",
    "WordSearch",
]
