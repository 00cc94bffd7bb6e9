"""What the screens are given: the open registry (used only inside tasks), the task manager, the
settings, and — after login — who is working. Screens never call the registry themselves; they start
the operations in desktop.ops and the queries in desktop.queries through `tasks`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from local_db import Actor, Registry
from local_db import roles
from local_db.views import InstitutionView

from .settings import Settings
from .tasks import TaskManager


@dataclass(frozen=True)
class Session:
    """A logged-in user at this installation."""
    actor: Actor
    institution: InstitutionView

    def can(self, action: str) -> bool:
        return roles.allowed(self.actor.role, action)

    @property
    def display_name(self) -> str:
        return self.actor.full_name or self.actor.username


@dataclass
class AppContext:
    registry: Registry
    tasks: TaskManager
    settings: Settings
    session: Session | None = None

    @property
    def data_dir(self) -> Path:
        return self.registry.data_dir

    @property
    def actor(self) -> Actor:
        if self.session is None:
            raise RuntimeError("nobody is logged in")
        return self.session.actor

    @property
    def institution(self) -> InstitutionView:
        if self.session is None:
            raise RuntimeError("nobody is logged in")
        return self.session.institution

    def documents_dir(self) -> Path:
        return self.settings.documents_path(self.data_dir)
