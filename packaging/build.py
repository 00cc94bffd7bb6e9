#!/usr/bin/env python3
"""Build the Registru desktop bundle: `python packaging/build.py` (run it with the project's venv).

    python packaging/build.py               one-folder bundle in dist/registru/ (+ the Linux tarball,
                                            or on Windows the Inno Setup installer when ISCC is found)
    python packaging/build.py --no-prune    the same without the Qt pruning (to measure what it saves)
    python packaging/build.py --no-archive  the bundle only

Steps: compile the Qt translations (.ts → .qm) if stale; run PyInstaller on packaging/registru.spec
(work files in build/pyinstaller, reused between builds); check the bundle holds what the app needs
at run time (migrations, default data, fonts, translations, the Qt platform plugins, keyring backends)
and nothing of what was excluded; write dist/registru-build.json (version, size, files, seconds);
then package: on Linux dist/registru-<version>-linux-x86_64.tar.gz (bundle + .desktop entry + icon +
install.sh), on Windows dist/registru-<version>-setup.exe via ISCC (packaging/windows/registru.iss).
Exit status non-zero if any step or check fails.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "packaging"
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text("utf-8")
    m = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not m:
        raise SystemExit("desktop/__init__.py has no __version__")
    return m.group(1)


def compile_translations() -> None:
    """What `dev.py setup` does: lrelease every ui/translations/*.ts whose .qm is missing or older."""
    import PySide6
    base = Path(PySide6.__file__).parent
    exe = next((p for p in (base / "lrelease", base / "lrelease.exe", base / "Qt" / "libexec" / "lrelease")
                if p.exists()), None)
    for ts in sorted((ROOT / "ui" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        log(f"compiling {ts.name}")
        cmd = [str(exe)] if exe else [sys.executable, "-m", "PySide6.scripts.pyside_tool", "lrelease"]
        subprocess.check_call([*cmd, "-silent", str(ts), "-qm", str(qm)])


def run_pyinstaller(dist: Path, work: Path, prune: bool) -> None:
    env = dict(os.environ, REGISTRU_PRUNE="1" if prune else "0")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(HERE / "registru.spec")]
    log("PyInstaller " + ("(pruned)" if prune else "(NOT pruned)"))
    subprocess.check_call(cmd, cwd=ROOT, env=env)


def exe_name(name: str = "registru") -> str:
    return name + (".exe" if WINDOWS else "")


def internal(bundle: Path) -> Path:
    d = bundle / "_internal"
    return d if d.is_dir() else bundle


def check_bundle(bundle: Path, prune: bool) -> list[str]:
    """What the frozen app reads from disk at run time; returns the problems found."""
    problems = []
    base = internal(bundle)
    qt = base / "PySide6" / "Qt"
    plugin_dir = qt / "plugins" if (qt / "plugins").is_dir() else base / "PySide6" / "plugins"
    platform_plugins = {"win32": ["qwindows", "qoffscreen"]}.get(sys.platform, ["libqxcb", "libqoffscreen"])
    need = {
        "executable": [bundle / exe_name()] + ([bundle / exe_name("registru-gui")] if WINDOWS else []),
        "Alembic env.py": [base / "local_db" / "migrations" / "env.py"],
        "Alembic script.py.mako": [base / "local_db" / "migrations" / "script.py.mako"],
        "default data": [base / "local_db" / "data" / "doc_types.json"],
        "fonts": [base / "desktop" / "resources" / "fonts" / "DejaVuSans.ttf"],
        "translations": [base / "ui" / "translations" / "registru_ro.qm"],
    }
    for what, paths in need.items():
        for p in paths:
            if not p.exists():
                problems.append(f"missing {what}: {p.relative_to(bundle)}")
    revisions = {p.name for p in (ROOT / "local_db" / "migrations" / "versions").glob("*.py")}
    bundled = {p.name for p in (base / "local_db" / "migrations" / "versions").glob("*.py")}
    if revisions - bundled:
        problems.append(f"migrations not bundled: {sorted(revisions - bundled)}")
    for ts in (ROOT / "ui" / "translations").glob("*.ts"):
        if not (base / "ui" / "translations" / ts.with_suffix(".qm").name).exists():
            problems.append(f"translation not bundled: {ts.with_suffix('.qm').name}")
    for stem in platform_plugins:
        if not any(plugin_dir.glob(f"platforms/{stem}.*")):
            problems.append(f"Qt platform plugin missing: {stem}")
    if prune:
        banned = re.compile(r"(WebEngine|Qt6?Quick|Qt6?Qml|Qt6?3D|Multimedia|Qt6?Pdf|Qt6?Network)", re.I)
        extra = sorted(str(p.relative_to(bundle)) for p in base.rglob("*") if p.is_file() and banned.search(p.name))
        if extra:
            problems.append(f"excluded Qt modules still bundled: {extra[:8]}")
        for unused in ("imageformats", "iconengines", "qmltooling", "printsupport", "tls", "platformthemes"):
            if (plugin_dir / unused).exists():
                problems.append(f"unused Qt plugin directory bundled: {unused}")
    if (base / "hub").exists():
        problems.append("the county hub (hub/) must not be in the desktop bundle")
    return problems


def dir_size(path: Path) -> tuple[int, int]:
    total = count = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            count += 1
    return total, count


def biggest(bundle: Path, n: int = 12) -> list[tuple[str, int]]:
    base = internal(bundle)
    sizes = []
    for child in base.iterdir():
        if child.is_symlink():
            continue
        size = dir_size(child)[0] if child.is_dir() else child.stat().st_size
        sizes.append((child.name, size))
    return sorted(sizes, key=lambda x: -x[1])[:n]


# --- Linux tarball -------------------------------------------------------------------------------------------

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Registru
GenericName=Registratură și arhivă
GenericName[en]=Registry and archive
Comment=Registratura și arhiva primăriei
Comment[en]=The town hall's registry and archive
Exec={exec} %F
Icon={icon}
Terminal=false
Categories=Office;
StartupWMClass=registru
Keywords=registratura;registru;arhiva;primarie;
"""

INSTALL_SH = r"""#!/bin/sh
# Install Registru from this folder (docs/installer-guide.*.md):
#   sudo ./install.sh [--prefix /opt/registru] [--provision FILE --user CLERK]
#   ./install.sh --prefix ~/.local/opt/registru [--provision FILE]          (no root: for this user only)
# Copies the bundle to PREFIX, links `registru` into the PATH, adds the menu entry and the icon. With
# --provision the file goes to the clerk's config dir (~CLERK/.config/Registru/registru-provision.json,
# readable by the clerk only): the clerk's first start provisions from it and consumes it.
# --user-dirs puts the menu entry and the link in the user's folders even when run as root.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=/opt/registru
PROVISION=""
CLERK=""
USER_DIRS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=$2; shift 2 ;;
    --provision) PROVISION=$2; shift 2 ;;
    --user) CLERK=$2; shift 2 ;;
    --user-dirs) USER_DIRS=1; shift ;;
    *) echo "usage: $0 [--prefix DIR] [--provision FILE [--user CLERK]] [--user-dirs]" >&2; exit 2 ;;
  esac
done
if [ "$(id -u)" = 0 ] && [ "$USER_DIRS" = 0 ]; then
  APPS=/usr/share/applications; ICONS=/usr/share/icons/hicolor/256x256/apps; BIN=/usr/local/bin
else
  APPS=$HOME/.local/share/applications; ICONS=$HOME/.local/share/icons/hicolor/256x256/apps; BIN=$HOME/.local/bin
fi
if [ -n "$PROVISION" ]; then
  [ -f "$PROVISION" ] || { echo "install.sh: $PROVISION not found" >&2; exit 2; }
  if [ -n "$CLERK" ]; then
    CLERK_HOME=$(getent passwd "$CLERK" | cut -d: -f6)
    [ -n "$CLERK_HOME" ] || { echo "install.sh: no user $CLERK" >&2; exit 2; }
    CONF="$CLERK_HOME/.config/Registru"
  elif [ "$(id -u)" = 0 ] && [ "$USER_DIRS" = 0 ]; then
    echo "install.sh: --provision needs --user CLERK (the account that will use Registru)" >&2; exit 2
  else
    CONF="${XDG_CONFIG_HOME:-$HOME/.config}/Registru"
  fi
fi
mkdir -p "$PREFIX" "$APPS" "$ICONS" "$BIN"
cp -a "$HERE/registru/." "$PREFIX/"
cp "$HERE/registru.png" "$ICONS/registru.png"
sed "s#^Exec=.*#Exec=$PREFIX/registru %F#" "$HERE/registru.desktop" > "$APPS/registru.desktop"
ln -sf "$PREFIX/registru" "$BIN/registru"
if [ -n "$PROVISION" ]; then
  mkdir -p "$CONF"
  install -m 600 "$PROVISION" "$CONF/registru-provision.json"
  if [ -n "$CLERK" ]; then chown -R "$CLERK": "$CONF"; fi
  echo "provisioning file: $CONF/registru-provision.json (used and erased at the first start)"
fi
echo "Registru installed in $PREFIX ($("$PREFIX/registru" --version))"
"""


def make_tarball(bundle: Path, dist: Path, ver: str) -> Path:
    machine = platform.machine().lower().replace("amd64", "x86_64")
    name = f"registru-{ver}-linux-{machine}"
    out = dist / f"{name}.tar.gz"
    stage = dist / f".{name}-extras"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    (stage / "registru.desktop").write_text(DESKTOP_ENTRY.format(exec="/opt/registru/registru", icon="registru"),
                                            "utf-8")
    shutil.copy(HERE / "icons" / "registru.png", stage / "registru.png")
    (stage / "install.sh").write_text(INSTALL_SH, "utf-8")
    (stage / "install.sh").chmod(0o755)
    tmp = out.with_suffix(".part")
    # compresslevel 6: within a few % of 9 on these files, much faster
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{name}/registru")
        for f in ("registru.desktop", "registru.png", "install.sh"):
            tar.add(stage / f, arcname=f"{name}/{f}")
    tmp.replace(out)
    shutil.rmtree(stage)
    return out


def make_windows_installer(dist: Path, ver: str) -> Path | None:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    for guess in (r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", r"C:\Program Files\Inno Setup 6\ISCC.exe"):
        if not iscc and Path(guess).exists():
            iscc = guess
    if not iscc:
        log("ISCC (Inno Setup 6) not found: the bundle is built, the installer is not")
        return None
    subprocess.check_call([iscc, f"/DAppVersion={ver}", f"/DDistDir={dist}", f"/O{dist}",
                           str(HERE / "windows" / "registru.iss")])
    return dist / f"registru-{ver}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-prune", action="store_true", help="keep every Qt module and plugin (for measuring)")
    ap.add_argument("--no-archive", action="store_true", help="skip the tarball / installer")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                    help="PyInstaller work folder, reused between builds (default build/pyinstaller)")
    args = ap.parse_args(argv)
    prune = not args.no_prune
    ver = version()
    started = time.monotonic()
    compile_translations()
    dist, work = args.dist.resolve(), args.work.resolve()
    run_pyinstaller(dist, work / ("pruned" if prune else "full"), prune)
    bundle = dist / "registru"
    problems = check_bundle(bundle, prune)
    if problems:
        for p in problems:
            log("✗ " + p)
        return 1
    size, files = dir_size(bundle)
    built = time.monotonic() - started
    report = {"version": ver, "platform": sys.platform, "machine": platform.machine(), "pruned": prune,
              "bundle": str(bundle), "bytes": size, "mb": round(size / 1e6, 1), "files": files,
              "build_seconds": round(built, 1), "largest": [{"name": n, "mb": round(s / 1e6, 1)}
                                                            for n, s in biggest(bundle)]}
    log(f"bundle {bundle}: {report['mb']} MB in {files} files, built in {built:.0f} s")
    for item in report["largest"][:6]:
        log(f"   {item['mb']:>6} MB  {item['name']}")
    if not args.no_archive:
        if LINUX:
            out = make_tarball(bundle, dist, ver)
            report["archive"] = str(out)
            report["archive_mb"] = round(out.stat().st_size / 1e6, 1)
            log(f"tarball {out} ({report['archive_mb']} MB)")
        elif WINDOWS:
            out = make_windows_installer(dist, ver)
            if out is not None:
                report["archive"] = str(out)
                log(f"installer {out}")
    report["seconds"] = round(time.monotonic() - started, 1)
    (dist / "registru-build.json").write_text(json.dumps(report, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
