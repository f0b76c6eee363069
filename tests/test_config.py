"""The configuration file and the staff PIN: bad settings are named and replaced by defaults."""

import os
import subprocess
import sys
import textwrap

import pytest

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


def test_the_clinic_and_its_handouts(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (tmp_path / "config.yaml").write_text(textwrap.dedent("""\
        clinic_name: Riverside Spine Clinic
        clinic_phone: 5550102030
        clinic_logo: logo.svg
        handout_link: https://clinic.example/spine/{lang}/{id}
        paper: a4
        printer: Front desk
        """))
    loaded = load_config(tmp_path / "config.yaml")
    assert loaded.problems == ()
    assert loaded.config._replace(clinic_logo="") == Config(
        clinic_name="Riverside Spine Clinic", clinic_phone="5550102030",
        handout_link="https://clinic.example/spine/{lang}/{id}", paper="a4",
        printer="Front desk")
    assert loaded.config.clinic_logo == str(tmp_path / "logo.svg")  # from the config's folder


def test_bad_handout_settings_are_named_and_print_without_them(tmp_path):
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    config, problems = parse_config(textwrap.dedent(f"""\
        clinic_logo: {tmp_path / "missing.png"}
        handout_link: https://clinic.example/spine/{{page}}
        paper: legal
        clinic_name: {"x" * 81}
        """).encode(), str(tmp_path / "config.yaml"))
    assert [str(p) for p in problems] == [
        f"{tmp_path}/config.yaml:1: 'clinic_logo': there is no file {tmp_path}/missing.png; "
        "using ''",
        f"{tmp_path}/config.yaml:2: 'handout_link' may use only {{id}} and {{lang}}, not "
        "{page}; using ''",
        f"{tmp_path}/config.yaml:3: 'paper' should be one of auto, letter, a4; using 'auto'",
        f"{tmp_path}/config.yaml:4: 'clinic_name' should be at most 80 characters; using ''",
    ]
    assert config == DEFAULTS
    _, problems = parse_config(f"clinic_logo: {tmp_path / 'logo.gif'}\n".encode(), "c.yaml")
    assert [str(p) for p in problems] == [
        "c.yaml:1: 'clinic_logo' should be a .png or .svg file; using ''"]


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
    assert done.returncode == 1 and "4 to 8 of the digits 0 to 9" in done.stderr


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


# -- every YAML failure costs only its setting ------------------------------------------------
def test_a_value_yaml_cannot_give_costs_only_that_setting():
    config, problems = parse("""\
        kiosk: true
        idle_seconds: !!bool maybe
        warning_seconds: !!timestamp nope
        text_size: !!float
        screen: 99999999999999999999999999999999999999999999999
        language: !!python/object:os.system es
        theme: dark
        """)
    assert config == Config(kiosk=True, theme="dark", screen=0)
    assert problems == [
        "config.yaml:2: 'idle_seconds': the tag '!!bool' is not allowed: write the value "
        "without a tag; using 90",
        "config.yaml:3: 'warning_seconds': the tag '!!timestamp' is not allowed: write the "
        "value without a tag; using 20",
        "config.yaml:4: 'text_size': the tag '!!float' is not allowed: write the value without "
        "a tag; using 0",
        "config.yaml:5: 'screen' should be between 0 and 16; using 0",
        "config.yaml:6: 'language': the tag '!!python/object:os.syst…' is not allowed: write "
        "the value without a tag; using 'en'",  # a long tag is cut short
    ]
    config, problems = parse("kiosk: true\nidle_seconds: " + "9" * 5000 + "\n")
    assert config == Config(kiosk=True)
    assert problems == ["config.yaml:2: 'idle_seconds': '99999999999999999999999…' cannot be "
                        "read as a number: it has too many digits; using 90"]


def test_a_kiosk_with_a_tagged_value_still_starts_as_a_kiosk(qtbot, qapp, tmp_path):
    from explorer import app as app_module

    config = tmp_path / "config.yaml"
    config.write_text("kiosk: true\nidle_seconds: !!bool maybe\n")
    started = app_module.start(config_path=config)
    try:
        qtbot.addWidget(started.window)
        assert started.kiosk is not None and started.kiosk.idle.interval() == 90_000
        assert [str(p) for p in started.config_problems] == [
            f"{config}:2: 'idle_seconds': the tag '!!bool' is not allowed: write the value "
            "without a tag; using 90"]
    finally:
        started.kiosk.uninstall()
        app_module.apply_theme(qapp, app_module.DEFAULT)


@pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs")
@pytest.mark.parametrize("kind", ["/dev/zero", "/dev/urandom", "fifo", "folder", "large"])
def test_only_a_regular_config_file_of_modest_size_is_read(tmp_path, kind):
    config = tmp_path / "config.yaml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "folder":
        config.mkdir()
    elif kind == "large":
        config.write_text("# padding\n" * 10_000 + "kiosk: true\n")
    else:
        config.symlink_to(kind)
    loaded = load_config(config)  # at once: no waiting on the FIFO, no reading the device
    assert loaded.config == DEFAULTS
    reason = {"fifo": "it is a FIFO (named pipe), not a regular file",
              "folder": "it is a folder, not a regular file",
              "large": "the file is larger than 64 kB"}.get(kind, "it is a device, not a "
                                                                "regular file")
    assert [str(p) for p in loaded.problems] == [f"{config}:1: {reason}; using the defaults"]


# -- the stored hash is checked before it is used ---------------------------------------------
GOOD = hash_pin("2468")
_, N, R, P, SALT, DIGEST = GOOD.split("$")


@pytest.mark.parametrize(("stored", "words"), [
    (f"scrypt$0${R}${P}${SALT}${DIGEST}", "n=0 is not a power of two from 4096 to 65536"),
    (f"scrypt$3${R}${P}${SALT}${DIGEST}", "n=3 is not a power of two"),
    (f"scrypt${2**20}${R}${P}${SALT}${DIGEST}", "n=1048576 is not a power of two"),
    (f"scrypt${N}${R}$100${SALT}${DIGEST}", "r=8, p=100 are outside safe bounds"),
    (f"scrypt${N}$0${P}${SALT}${DIGEST}", "r=0, p=1 are outside safe bounds"),
    (f"scrypt${2**16}$16${P}${SALT}${DIGEST}", "r=16, p=1 are outside safe bounds"),
    (f"scrypt${N}${R}${P}${SALT}$", "its digest is not 16 to 64 bytes of base64"),
    (f"scrypt${N}${R}${P}$AAAA${DIGEST}", "its salt is not 16 to 64 bytes of base64"),
    (f"scrypt${N}${R}${P}${SALT}${DIGEST[:-2]}!!", "its digest is not 16 to 64 bytes"),
    (f"scrypt$１６３８４${R}${P}${SALT}${DIGEST}", "parameters are not whole numbers"),
    (f"scrypt$ 16384${R}${P}${SALT}${DIGEST}", "parameters are not whole numbers"),
    ("scrypt$16384$8$1", "it is not a hash made by `spine-explorer set-pin`"),
    ("bcrypt$2b$12$abc", "it is not a hash made by `spine-explorer set-pin`"),
])
def test_a_pin_hash_outside_safe_bounds_is_a_problem_and_no_pin(stored, words):
    config, problems = parse(f'kiosk: true\npin_hash: "{stored}"\n')
    assert config.pin_hash == "" and config.kiosk
    assert len(problems) == 1 and problems[0].startswith("config.yaml:2: 'pin_hash' cannot be "
                                                         "used: ")
    assert words in problems[0]
    assert problems[0].endswith("; no staff PIN is set until `spine-explorer set-pin` writes "
                                "one")
    assert not check_pin("2468", stored)  # and at once: no scrypt run with those numbers


def test_the_hash_set_pin_writes_is_within_the_bounds():
    config, problems = parse(f'pin_hash: "{GOOD}"\n')
    assert problems == [] and config.pin_hash == GOOD and check_pin("2468", GOOD)
