"""The Excel side: operations on an open xlwings Book and the ribbon shells that call them (issue 4)."""
