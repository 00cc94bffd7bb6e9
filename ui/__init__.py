"""Qt widgets of the clerk's desktop application: windows, dialogs, table models (no SQL, no HTTP)."""
from desktop.qt_compat import protect_none

protect_none()
