"""The archive's screens ("Arhivă"): filing plan, dossiers and search, transfer to the archive, loans,
disposal (`ArchiveArea`), and the filing dialog used from the registry (`FileIntoDossierDialog`).

Mounting in a main window (ui/main_window.py), e.g. a menu action that shows the area as a page of the
central widget, and filing actions on the entry card and the table selection:

    from .archive import ArchiveArea, FileIntoDossierDialog
    area = ArchiveArea(app)                         # a QWidget; loads its data on workers
    FileIntoDossierDialog(app, [entry_id, ...], parent).open()
"""
from .archive_area import ArchiveArea
from .file_dialog import FileIntoDossierDialog

__all__ = ["ArchiveArea", "FileIntoDossierDialog"]
