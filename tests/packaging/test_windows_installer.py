"""The Inno Setup script cannot be compiled here (no Windows); what can be checked is that it agrees with
the code: the executables the spec makes, the icon, where the provisioning file goes and its name."""
from __future__ import annotations

import re

from desktop import provisioning

from .conftest import ROOT

ISS = ROOT / "packaging" / "windows" / "registru.iss"
SPEC = ROOT / "packaging" / "registru.spec"


def test_the_installer_script_matches_the_spec_and_the_app() -> None:
    iss = ISS.read_text("utf-8")
    spec = SPEC.read_text("utf-8")
    # the two Windows executables of the spec are the ones the shortcuts and the command line use
    assert 'name="registru-gui", console=False' in spec and 'name="registru", console=True' in spec
    assert r'Filename: "{app}\registru-gui.exe"' in iss and r'"{app}\registru.exe"" self-check' in iss
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M).group(1).strip()
    assert (ISS.parent / icon.replace("\\", "/")).is_file()
    assert "PrivilegesRequired=admin" in iss and r"DefaultDirName={autopf}\Registru" in iss
    assert 'Name: "{autodesktop}\\Registru"' in iss and 'Name: "{group}\\Registru"' in iss
    # /PROVISION=FILE → the machine-wide config dir the app looks in, under the name it looks for
    assert "{param:PROVISION|}" in iss
    assert f'DestDir: "{{commonappdata}}\\Registru"; DestName: "{provisioning.FILENAME}"' in iss
    assert "Permissions: users-modify" in iss          # the clerk's first start must be able to consume it
    assert "OutputBaseFilename=registru-{#AppVersion}-setup" in iss
    build = (ROOT / "packaging" / "build.py").read_text("utf-8")
    assert 'f"registru-{ver}-setup.exe"' in build and "/DAppVersion=" in build
