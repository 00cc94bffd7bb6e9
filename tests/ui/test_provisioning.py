"""An installer's provisioning file sets the commune up without the wizard; a bad one falls back to it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import provisioning
from desktop.app import Controller
from desktop.settings import Settings


def _file(tmp_path: Path, **override: object) -> Path:
    data = {"commune_code": "54975", "commune_name": "Comuna Florești", "county": "Cluj",
            "admin": {"username": "admin", "full_name": "Ana Pop", "password": "parola-instalare-1"}}
    data.update(override)
    path = tmp_path / "provision.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_provisioned_start_goes_straight_to_login(qtbot, tmp_path: Path, language) -> None:  # noqa: ANN001
    path = _file(tmp_path)
    controller = Controller(Settings(), language, tmp_path / "data", provision=str(path), quit=lambda: None)
    controller.start()
    try:
        qtbot.waitUntil(lambda: controller.login is not None, timeout=10000)
        assert controller.wizard is None
        assert controller.login.username.text() == "admin"
        inst = controller.app.registry.institution()
        assert (inst.name, inst.siruta, inst.county) == ("Comuna Florești", "54975", "Cluj")
        controller.app.registry.users.authenticate("admin", "parola-instalare-1")
    finally:
        controller.login.close()
        controller.shutdown()


def test_a_refused_provisioning_file_falls_back_to_the_wizard(qtbot, tmp_path: Path, language) -> None:  # noqa: ANN001
    path = _file(tmp_path, commune_code="not-a-code")
    controller = Controller(Settings(), language, tmp_path / "data", provision=str(path), quit=lambda: None)
    controller.start()
    try:
        qtbot.waitUntil(lambda: controller.wizard is not None, timeout=10000)
        assert not controller.app.registry.is_initialised()
    finally:
        controller.wizard.close()
        controller.shutdown()


def test_file_lookup_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    assert provisioning.find(None, data_dir) is None
    (data_dir / "provision.json").write_text("{}", "utf-8")
    assert provisioning.find(None, data_dir) == data_dir / "provision.json"
    with pytest.raises(provisioning.ProvisioningError, match="admin"):
        provisioning.load(data_dir / "provision.json")
    with pytest.raises(provisioning.ProvisioningError):
        provisioning.find(str(tmp_path / "missing.json"), data_dir)
    monkeypatch.setenv("REGISTRU_PROVISION", str(_file(tmp_path)))
    prov = provisioning.load(provisioning.find(None, data_dir))
    assert (prov.admin_username, prov.admin_full_name, prov.county) == ("admin", "Ana Pop", "Cluj")
