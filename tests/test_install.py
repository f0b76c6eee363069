"""A non-editable install finds its drawings, content and app strings: they ship inside the
wheel; and a byte-compiled copy without sources checks its content as a checkout does."""

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # a wheel is built and installed; sources are byte-compiled


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                           str(out), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (path,) = out.glob("spine_explorer-*.whl")
    return path


def test_the_wheel_carries_assets_and_content(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("regions", "muscles", "conditions", "topics", "body_areas"):
        assert f"explorer/data/content/{kind}.yaml" in names
    assert "explorer/data/assets/spine.svg" in names
    assert any(n.startswith("explorer/data/assets/fonts/") for n in names)
    assert "explorer/model/app_strings.json" in names  # what validate checks ui.yaml against


def test_installed_app_runs_from_another_directory(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                           "--no-deps", "-q", str(wheel)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    # The new environment borrows only the dependencies (PySide6, PyYAML) from this one.
    deps = sysconfig.get_paths()["purelib"]
    env = {**os.environ, "PYTHONPATH": deps, "QT_QPA_PLATFORM": "offscreen"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args):
        return subprocess.run([str(python), *args], capture_output=True, text=True, env=env,
                              cwd=elsewhere, timeout=120)

    where = run("-c", "import explorer, explorer.resources as r; print(explorer.__file__); "
                      "print(r.content_dir()); print(r.drawing_path())")
    assert where.returncode == 0, where.stderr
    for line in where.stdout.split():
        assert line.startswith(str(env_dir)), where.stdout
    assert run("-m", "explorer", "validate").returncode == 0
    shot = elsewhere / "shot.png"
    done = run("-m", "explorer", "--select", "lumbar", "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


def test_a_byte_compiled_copy_without_sources_validates_its_content(tmp_path):
    """A frozen or byte-compiled build has no .py files to read: the app strings it checks
    translations against come from the shipped data file."""
    for name in ("explorer", "assets", "content"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run([sys.executable, "-m", "compileall", "-b", "-q",
                           str(tmp_path / "explorer")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    sources = list((tmp_path / "explorer").rglob("*.py"))
    assert sources
    for path in sources:
        path.unlink()
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}

    def run(*args):
        return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)

    where = run("-c", "import explorer.model.i18n as m; print(m.__file__)")
    assert where.stdout.strip() == str(tmp_path / "explorer" / "model" / "i18n.pyc"), where
    checked = run("-m", "explorer", "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "languages en, es" in checked.stdout
