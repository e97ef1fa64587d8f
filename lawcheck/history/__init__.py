"""The inspector's history: every checked report recorded, and the questions asked of it.

:mod:`.store` keeps the records in SQLite (a file) or PostgreSQL (a server
several inspectors share), through SQLAlchemy Core with one schema and its
migrations; :mod:`.queries` answers ``lawcheck history …``; :mod:`.tables`
renders the answers as a table, JSON, CSV or a workbook.
"""
