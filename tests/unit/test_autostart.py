"""Start at login on each OS, checked here on any OS: a fake registry, and files in a test folder."""

from __future__ import annotations

import os
import plistlib
from pathlib import Path

import pytest
from backbreak import APP_ID, paths
from backbreak.platform import autostart, launch
from backbreak.platform.autostart_macos import LaunchAgent
from backbreak.platform.autostart_windows import RunKey

APPROVED_OFF = bytes([3]) + bytes(11)  # Task Manager's "disabled": odd first byte, then a FILETIME
APPROVED_ON = bytes([2]) + bytes(11)


class FakeRegistry:
    """HKEY_CURRENT_USER as a dict of keys, each a dict of values."""

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str | bytes]] = {}

    def read(self, key: str, name: str) -> str | bytes | None:
        return self.keys.get(key, {}).get(name)

    def write(self, key: str, name: str, value: str) -> None:
        self.keys.setdefault(key, {})[name] = value

    def delete(self, key: str, name: str) -> None:
        self.keys.get(key, {}).pop(name, None)


def test_xdg_entry_is_written_and_removed_alone(tmp_path: Path) -> None:
    folder = tmp_path / "autostart"
    folder.mkdir()
    (folder / "other.desktop").write_text("[Desktop Entry]\n")
    entry = autostart.XdgAutostart(folder / f"{APP_ID}.desktop", ["/opt/my apps/backbreak"])
    assert entry.state().enabled is False
    entry.apply(True)
    text = entry.entry.read_text()
    assert 'Exec="/opt/my apps/backbreak"\n' in text
    assert f"Icon={APP_ID}\n" in text
    assert entry.state().enabled is True
    entry.apply(False)
    entry.apply(False)  # removing twice is fine
    assert sorted(path.name for path in folder.iterdir()) == ["other.desktop"]  # the folder and its others stay


def test_xdg_entry_switched_off_by_the_desktop_reads_as_off(tmp_path: Path) -> None:
    entry = autostart.XdgAutostart(tmp_path / "a.desktop", ["backbreak"])
    entry.apply(True)
    entry.entry.write_text(entry.entry.read_text() + "Hidden=true\n")
    state = entry.state()
    assert state.enabled is False
    assert "desktop's own start-up settings" in state.note


def test_the_real_xdg_entry_is_in_the_config_folder_and_named_by_the_app_id() -> None:
    chosen = autostart.for_this_os("linux")
    assert isinstance(chosen, autostart.XdgAutostart)
    assert chosen.entry == Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{APP_ID}.desktop"


def test_windows_run_value_is_written_and_removed_alone() -> None:
    registry = FakeRegistry()
    registry.write(paths.RUN_KEY, "SomethingElse", r"C:\other.exe")
    run = RunKey(registry, launch.command_line([r"C:\Program Files\backbreak\backbreak.exe"]))
    assert run.state().enabled is False
    run.apply(True)
    assert registry.keys[paths.RUN_KEY] == {
        "SomethingElse": r"C:\other.exe",
        "backbreak": r'"C:\Program Files\backbreak\backbreak.exe"',
    }
    assert run.state().enabled is True
    run.apply(False)
    assert registry.keys == {paths.RUN_KEY: {"SomethingElse": r"C:\other.exe"}}  # the key and its others stay


def test_windows_task_manager_switch_is_read_and_left_alone() -> None:
    registry = FakeRegistry()
    run = RunKey(registry, '"C:\\b\\backbreak.exe"')
    run.apply(True)
    registry.keys[paths.STARTUP_APPROVED_KEY] = {"backbreak": APPROVED_OFF}
    state = run.state()
    assert state.enabled is False
    assert "Task Manager" in state.note
    registry.keys[paths.STARTUP_APPROVED_KEY] = {"backbreak": APPROVED_ON}
    assert run.state().enabled is True
    run.apply(False)
    assert registry.keys[paths.STARTUP_APPROVED_KEY] == {"backbreak": APPROVED_ON}  # the user's switch, not ours


def test_windows_command_uses_pythonw_beside_the_interpreter(tmp_path: Path) -> None:
    (tmp_path / "pythonw.exe").touch()
    args = launch.argv(str(tmp_path / "python.exe"), "win32", frozen=False)
    assert args == [str(tmp_path / "pythonw.exe"), "-m", "backbreak"]
    assert launch.command_line(args) == f'"{tmp_path / "pythonw.exe"}" -m backbreak'


def test_macos_launch_agent_is_written_and_removed_alone(tmp_path: Path) -> None:
    agents = tmp_path / "Library" / "LaunchAgents"
    agents.mkdir(parents=True)
    (agents / "com.example.other.plist").write_bytes(b"")
    agent = LaunchAgent(agents / f"{APP_ID}.plist", ["/Applications/backbreak/backbreak"])
    assert agent.state().enabled is False
    agent.apply(True)
    keys = plistlib.loads(agent.plist.read_bytes())
    assert keys["Label"] == APP_ID
    assert keys["ProgramArguments"] == ["/Applications/backbreak/backbreak"]
    assert keys["RunAtLoad"] is True
    assert agent.state().enabled is True
    agent.plist.write_bytes(plistlib.dumps({**keys, "Disabled": True}))
    assert agent.state().enabled is False
    agent.apply(False)
    assert sorted(path.name for path in agents.iterdir()) == ["com.example.other.plist"]


def test_macos_launch_agent_lives_in_the_home_library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    chosen = autostart.for_this_os("darwin")
    assert isinstance(chosen, LaunchAgent)
    assert chosen.plist == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def test_an_os_without_autostart_writes_nothing_and_says_so() -> None:
    chosen = autostart.for_this_os("sunos5")
    chosen.apply(True)
    assert chosen.state().enabled is False
    assert "sunos5" in chosen.state().note


def test_flatpak_is_recognised_by_its_environment(tmp_path: Path) -> None:
    assert autostart.in_flatpak({"FLATPAK_ID": APP_ID}, tmp_path / "none")
    assert not autostart.in_flatpak({}, tmp_path / "none")
    (tmp_path / ".flatpak-info").touch()
    assert autostart.in_flatpak({}, tmp_path / ".flatpak-info")


def test_the_command_is_the_script_beside_this_interpreter_or_the_bundle(tmp_path: Path) -> None:
    python = tmp_path / "bin" / "python"
    python.parent.mkdir()
    assert launch.argv(str(python), "linux", frozen=False) == [str(python), "-m", "backbreak"]
    (tmp_path / "bin" / "backbreak").touch()
    assert launch.argv(str(python), "linux", frozen=False) == [str(tmp_path / "bin" / "backbreak")]
    assert launch.argv("/opt/backbreak/backbreak", "linux", frozen=True) == ["/opt/backbreak/backbreak"]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["/usr/bin/backbreak"], "/usr/bin/backbreak"),
        (["/home/me/my apps/backbreak"], '"/home/me/my apps/backbreak"'),
        (["/x/python", "-m", "backbreak"], "/x/python -m backbreak"),
        (["/odd/$HOME/b"], '"/odd/\\\\$HOME/b"'),  # $ escaped inside quotes, then the backslash doubled
        (["/100%/b"], "/100%%/b"),
    ],
)
def test_exec_lines_follow_the_desktop_entry_quoting_rules(args: list[str], line: str) -> None:
    assert launch.exec_line(args) == line
