"""The configuration file and the staff PIN: bad settings are named and replaced by defaults."""

import os
import subprocess
import sys
import textwrap

from explorer.config import DEFAULTS, Config, check_pin, hash_pin, load_config, parse_config


def parse(text: str):
    config, problems = parse_config(textwrap.dedent(text).encode(), "config.yaml")
    return config, [str(p) for p in problems]


def test_a_good_configuration():
    config, problems = parse("""\
        kiosk: true
        idle_seconds: 120
        hide_cursor: true
        theme: high-contrast
        language: es
        """)
    assert problems == []
    assert config == Config(kiosk=True, idle_seconds=120, hide_cursor=True,
                            theme="high-contrast", language="es")
    assert config.effective_text_size() == 125  # kiosks read from further away


def test_every_bad_setting_is_reported_and_gets_its_default():
    config, problems = parse("""\
        kiosk: yes please
        idle_secnds: 30
        idle_seconds: 3
        warning_seconds: twenty
        text_size: 300
        theme: neon
        screen: -1
        """)
    assert problems == [
        "config.yaml:1: 'kiosk' should be true or false; using False",
        "config.yaml:2: unknown setting 'idle_secnds'; did you mean 'idle_seconds'?",
        "config.yaml:3: 'idle_seconds' should be between 10 and 3600; using 90",
        "config.yaml:4: 'warning_seconds' should be a whole number; using 20",
        "config.yaml:5: 'text_size' should be between 100 and 200; using 0",
        "config.yaml:6: 'theme' should be one of default, dark, high-contrast; using 'default'",
        "config.yaml:7: 'screen' should be between 0 and 16; using 0",
    ]
    assert config == DEFAULTS


def test_broken_yaml_gives_the_defaults_and_a_line():
    config, problems = parse("kiosk: true\nidle_seconds: [\n")
    assert config == DEFAULTS
    assert problems[0].startswith("config.yaml:") and "using the defaults" in problems[0]


def test_a_missing_file_is_just_the_defaults(tmp_path):
    loaded = load_config(tmp_path / "nope.yaml")
    assert loaded.config == DEFAULTS and loaded.problems == ()


def test_content_folder_is_relative_to_the_config_file(tmp_path):
    (tmp_path / "config.yaml").write_text("content: clinic-content\n")
    loaded = load_config(tmp_path / "config.yaml")
    assert loaded.config.content_dir(loaded.path) == tmp_path / "clinic-content"


def test_pin_hash_is_salted_and_slow_and_checks():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # salted
    assert first.startswith("scrypt$16384$8$1$")
    assert "2468" not in first
    assert check_pin("2468", first) and check_pin("2468", second)
    assert not check_pin("2469", first)
    assert not check_pin("2468", "not a hash")


def run_set_pin(config, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "explorer", "set-pin", "--config", str(config)],
                          input=stdin, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_set_pin_from_standard_input_keeps_the_rest_of_the_file(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("# our kiosk\nkiosk: true\nidle_seconds: 60\n")
    done = run_set_pin(config, "13579\n13579\n")
    assert done.returncode == 0, done.stderr
    text = config.read_text()
    assert text.startswith("# our kiosk\nkiosk: true\nidle_seconds: 60\n")
    assert "13579" not in text
    loaded = load_config(config)
    assert loaded.problems == ()
    assert check_pin("13579", loaded.config.pin_hash)
    # Setting it again replaces the hash rather than adding a second one.
    assert run_set_pin(config, "24680\n24680\n").returncode == 0
    assert config.read_text().count("pin_hash:") == 1
    assert check_pin("24680", load_config(config).config.pin_hash)


def test_set_pin_refuses_a_mismatch_or_a_bad_pin(tmp_path):
    config = tmp_path / "config.yaml"
    done = run_set_pin(config, "1234\n4321\n")
    assert done.returncode == 1 and "not the same" in done.stderr
    assert not config.exists()
    done = run_set_pin(config, "12\n12\n")
    assert done.returncode == 1 and "4 to 12 digits" in done.stderr


def test_the_emergency_number_is_digits_as_text():
    assert DEFAULTS.emergency_number == "911"
    for written, kept in (("999", "999"), ('"112"', "112"), ('"000"', "000"), ("911", "911")):
        config, problems = parse(f"emergency_number: {written}\n")
        assert problems == [] and config.emergency_number == kept, written
    for written in ("000", "call 911", "9", "true", "1234567"):  # 000 unquoted is read as 0
        config, problems = parse(f"emergency_number: {written}\n")
        assert config.emergency_number == "911", written
        assert problems == [
            "config.yaml:1: 'emergency_number' should be the 2 to 6 digits to call, such as "
            "911, 999 or 112 (write one that starts with 0 in quotes: \"000\"); using '911'"]


def test_the_configured_emergency_number_reaches_the_pages(tmp_path, qapp):
    from PySide6.QtWidgets import QFrame, QLabel

    from explorer.app import make_window
    from explorer.model.world import load_all

    config, _ = parse("emergency_number: 112\n")
    window = make_window(load_all(), config=config)
    try:
        window.show_page(("condition", "sciatica"))
        box = window.current_page().body.findChild(QFrame, "emergencyBox")
        assert "call 112 now" in "\n".join(lab.text() for lab in box.findChildren(QLabel))
    finally:
        window.close()
        window.deleteLater()
