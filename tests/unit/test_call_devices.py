"""The readers that say whether a microphone or a camera is in use, on real and recorded answers.

tests/data holds real output from this machine: `pw-dump` and `pactl -f json list source-outputs` while
`pw-record` recorded from a PipeWire source, and `pw-dump` with nothing recording. The camera's
Stream/Input/Video node is the same recording node with its media class changed (no camera here).
Windows and macOS readers are fed the shapes their APIs answer with; they were not run on those systems.
"""

from __future__ import annotations

import copy
import json
import os
import struct
from pathlib import Path

import pytest
from backbreak.platform.base import UnavailableError
from backbreak.platform.calls import Devices, choose_devices
from backbreak.platform.calls_linux import (
    OpenVideoDevices,
    PipeWireGraph,
    PulseMicrophone,
    recording_streams,
    running_streams,
)
from backbreak.platform.calls_macos import DEVICES, RUNNING_SOMEWHERE, STREAMS, CoreAudioInputs, CoreMediaCameras
from backbreak.platform.calls_windows import ConsentStore, in_use

DATA = Path(__file__).resolve().parents[1] / "data"


def data(name: str) -> str:
    return (DATA / name).read_text()


def test_pactl_sees_the_recording_and_not_a_corked_or_a_level_meter() -> None:
    outputs = json.loads(data("pactl-source-outputs-recording.json"))
    assert recording_streams(outputs) == 1
    corked = copy.deepcopy(outputs)
    corked[0]["corked"] = True
    assert recording_streams(corked) == 0
    meter = copy.deepcopy(outputs)
    meter[0]["properties"]["media.name"] = "Peak detect"
    assert recording_streams(meter) == 0
    assert recording_streams("not a list") == 0


def test_pw_dump_sees_running_input_streams_only() -> None:
    recording = json.loads(data("pw-dump-recording.json"))
    assert running_streams(recording, "Stream/Input/Audio") == 1
    assert running_streams(json.loads(data("pw-dump-idle.json")), "Stream/Input/Audio") == 0
    assert running_streams(recording, "Stream/Input/Video") == 0
    camera = copy.deepcopy(recording)
    for item in camera:
        props = (item.get("info") or {}).get("props") or {}
        if props.get("media.class") == "Stream/Input/Audio":
            props["media.class"] = "Stream/Input/Video"
    assert running_streams(camera, "Stream/Input/Video") == 1
    suspended = copy.deepcopy(recording)
    for item in suspended:
        if (item.get("info") or {}).get("state") == "running":
            item["info"]["state"] = "idle"
    assert running_streams(suspended, "Stream/Input/Audio") == 0


def test_the_readers_run_their_tools_and_read_the_answers() -> None:
    answers = {
        ("pactl", "-f", "json", "list", "source-outputs"): data("pactl-source-outputs-recording.json"),
        ("pw-dump",): data("pw-dump-recording.json"),
    }
    asked: list[tuple[str, ...]] = []

    def run(argv: list[str]) -> str | None:
        asked.append(tuple(argv))
        return answers.get(tuple(argv))

    assert PulseMicrophone(run, check=False).microphone() is True
    graph = PipeWireGraph(run, check=False)
    assert graph.microphone() is True
    assert graph.camera() is False
    assert PulseMicrophone(lambda argv: None, check=False).microphone() is False  # the tool failed: no
    assert PulseMicrophone(lambda argv: "garbage", check=False).microphone() is False
    assert ("pw-dump",) in asked


def test_a_reader_without_its_server_says_why() -> None:
    with pytest.raises(UnavailableError, match="PulseAudio"):
        PulseMicrophone(lambda argv: None if argv[1:] == ["info"] else "", check=True)
    with pytest.raises(UnavailableError, match=r"PipeWire|pw-dump"):
        PipeWireGraph(lambda argv: None, check=True)


def fake_proc(tmp_path: Path, processes: dict[str, tuple[str, list[str]]]) -> Path:
    """A /proc with processes {pid: (command, [what each fd points to])}."""
    proc = tmp_path / "proc"
    (proc / "self" / "fd").mkdir(parents=True)
    for pid, (command, targets) in processes.items():
        fds = proc / pid / "fd"
        fds.mkdir(parents=True)
        (proc / pid / "comm").write_text(command + "\n")
        for number, target in enumerate(targets):
            os.symlink(target, fds / str(number))
    return proc


def test_a_camera_opened_through_v4l2_is_seen_but_not_the_media_daemons(tmp_path: Path) -> None:
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "video0").touch()
    daemons = fake_proc(tmp_path / "a", {"100": ("pipewire", ["/dev/video0"]), "101": ("wireplumber", ["/dev/video0"])})
    assert OpenVideoDevices(daemons, dev=dev).camera() is False
    meeting = fake_proc(
        tmp_path / "b", {"200": ("zoom", ["/dev/null", "/dev/video0"]), "201": ("bash", ["/dev/pts/0"])}
    )
    assert OpenVideoDevices(meeting, dev=dev).camera() is True
    others = fake_proc(tmp_path / "c", {"300": ("zoom", ["/dev/video0"])})
    assert OpenVideoDevices(others, uid=os.getuid() + 1, dev=dev).camera() is False  # not this user's


def test_no_camera_device_means_no_camera_reader(tmp_path: Path) -> None:
    with pytest.raises(UnavailableError, match="no /dev/video"):
        OpenVideoDevices(fake_proc(tmp_path, {}), dev=tmp_path)


def test_the_factory_keeps_the_cheapest_microphone_every_camera_and_the_reasons() -> None:
    class Mic:
        name = "mic"

        def microphone(self) -> bool:
            return True

    class Cam:
        name = "cam"

        def camera(self) -> bool:
            return False

    def nope() -> Mic:
        raise UnavailableError("not here")

    devices = choose_devices(([nope, Mic, Mic], [Cam, nope]))  # type: ignore[list-item]
    assert len(devices.microphones) == 1
    assert len(devices.cameras) == 1
    assert devices.microphone() is True
    assert devices.camera() is False
    # The same reader tried for the microphone and the camera is named once.
    assert [reason.split(": ", 1)[1] for reason in devices.unavailable] == ["not here"]
    assert devices.describe() == "microphone: mic; camera: cam"
    assert Devices().microphone() is False  # nothing works here: never "in use"


def test_windows_consent_store_in_use_means_started_and_not_stopped() -> None:
    assert in_use(iter([{"LastUsedTimeStart": 133_000, "LastUsedTimeStop": 0}])) is True
    assert in_use(iter([{"LastUsedTimeStart": 133_000, "LastUsedTimeStop": 133_500}])) is False
    assert in_use(iter([{"LastUsedTimeStart": 0, "LastUsedTimeStop": 0}])) is False  # never used
    assert in_use(iter([{}])) is False
    store = ConsentStore("webcam", lambda capability: iter([{"LastUsedTimeStart": 5, "LastUsedTimeStop": 0}]))
    assert store.camera() is True
    with pytest.raises(UnavailableError, match="Windows"):
        ConsentStore.for_microphone()  # not on this OS


def test_macos_readers_ask_every_device() -> None:
    def ids(*values: int) -> bytes:
        return struct.pack(f"={len(values)}I", *values)

    def reader(answers: dict[tuple[int, int], bytes | None]):  # type: ignore[no-untyped-def]
        return lambda object_id, selector, scope: answers.get((object_id, selector))

    speaker, microphone = 40, 41
    running = reader({(1, DEVICES): ids(speaker, microphone), (speaker, STREAMS): b"", (microphone, STREAMS): ids(7),
                      (speaker, RUNNING_SOMEWHERE): ids(1), (microphone, RUNNING_SOMEWHERE): ids(1)})  # fmt: skip
    assert CoreAudioInputs(running).microphone() is True
    quiet = reader({(1, DEVICES): ids(speaker, microphone), (speaker, STREAMS): b"", (microphone, STREAMS): ids(7),
                    (speaker, RUNNING_SOMEWHERE): ids(1), (microphone, RUNNING_SOMEWHERE): ids(0)})  # fmt: skip
    assert CoreAudioInputs(quiet).microphone() is False  # only the speaker plays
    assert CoreMediaCameras(reader({(1, DEVICES): ids(9), (9, RUNNING_SOMEWHERE): ids(1)})).camera() is True
    assert CoreMediaCameras(reader({(1, DEVICES): None})).camera() is False
