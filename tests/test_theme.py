"""WCAG contrast, computed from each theme's actual colours (and the fills the drawing uses)."""

import pytest
from PySide6.QtCore import Qt

from explorer.ui.theme import THEMES, contrast, mix

TEXT_MIN = {"default": 4.5, "dark": 4.5, "high-contrast": 7.0}


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_text_contrast(theme):
    need = TEXT_MIN[theme.name]
    pairs = {
        "text on window": (theme.text, theme.window),
        "text on surface": (theme.text, theme.surface),
        "text on doctor box": (theme.text, theme.doctor_bg),
        "text on emergency box": (theme.text, theme.emergency_bg),
        "emergency title on emergency box": (theme.emergency, theme.emergency_bg),
        "text on urgent box": (theme.text, theme.urgent_bg),
        "urgent title on urgent box": (theme.urgent, theme.urgent_bg),
        "muted on window": (theme.muted, theme.window),
        "muted on surface": (theme.muted, theme.surface),
        "link text on surface": (theme.accent, theme.surface),
        "link text on window": (theme.accent, theme.window),
        "text on accent": (theme.on_accent, theme.accent),
        "hint on panel": (theme.on_panel, theme.panel),
        "search placeholder on surface": (theme.placeholder, theme.surface),
    }
    low = {name: round(contrast(a, b), 2) for name, (a, b) in pairs.items()
           if contrast(a, b) < need}
    assert low == {}, f"below {need}:1 in {theme.name}"


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_fills_borders_and_focus_are_at_least_3_to_1(theme):
    from explorer.ui.drawings.looks import ShapeLook

    look = ShapeLook(theme)
    pairs = {
        "control border on surface": (theme.control_border, theme.surface),
        "emergency border on window": (theme.emergency, theme.window),
        "urgent border on window": (theme.urgent, theme.window),
        "control border on window": (theme.control_border, theme.window),
        "focus ring on surface": (theme.focus, theme.surface),
        "focus ring on window": (theme.focus, theme.window),
        "focus ring on panel": (theme.panel_focus, theme.panel),
        "leader lines on panel": (theme.on_panel, theme.panel),
    }
    for region in theme.regions:
        for kind in ("vertebra", "disc", "nerve"):
            for state in ("plain", "hovered", "selected"):
                fill = look.brush(kind, region, state).color().name().upper()
                pairs[f"{kind} of {region} ({state}) on panel"] = (fill, theme.panel)
        pairs[f"selection outline around {region}"] = (theme.outline, theme.panel)
    low = {name: round(contrast(a, b), 2) for name, (a, b) in pairs.items()
           if contrast(a, b) < 3.0}
    assert low == {}, theme.name


def test_selection_is_not_colour_alone():
    """Every theme draws the selection with an outline and a pattern (see test_diagram)."""
    for theme in THEMES.values():
        assert contrast(theme.outline, theme.panel) >= 3.0


def test_contrast_formula():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_the_search_placeholder_as_drawn_meets_the_text_contrast(qtbot, make_window, theme):
    """Measured on the search box itself: the colour Qt draws its placeholder with (a style
    sheet can leave it half transparent over the box), blended over the box's background."""
    from PySide6.QtGui import QPalette

    window = make_window()
    window.session.set_preferences(window.session.preferences._replace(theme=theme.name))
    box = window.header.search
    assert box.text() == "" and box.placeholderText()
    palette = box.palette()
    ink = palette.color(QPalette.ColorRole.PlaceholderText)
    ground = palette.color(QPalette.ColorRole.Base)
    alpha = ink.alphaF()
    drawn = mix(ground.name(), ink.name(), alpha)
    assert ground.name().upper() == theme.surface.upper()
    assert contrast(drawn, ground.name()) >= TEXT_MIN[theme.name], (theme.name, drawn)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_a_clinicians_marks_stand_out_on_the_drawing(theme):
    assert contrast(theme.mark, theme.panel) >= 3.0
    assert contrast(theme.panel, theme.mark) >= 3.0  # the pin's number, on the pin


def test_paper_prints_readable_text_and_lines_that_show_in_black_and_white():
    from explorer.ui.theme import PAPER

    white = PAPER.surface
    text = {"text": (PAPER.text, white), "muted": (PAPER.muted, white),
            "headings": (PAPER.accent, white), "sign titles": (PAPER.urgent, PAPER.urgent_bg),
            "text in a sign box": (PAPER.text, PAPER.urgent_bg),
            "text in a doctor box": (PAPER.text, PAPER.doctor_bg)}
    lines = {"shape outlines": (PAPER.bone_line, white), "selection": (PAPER.outline, white),
             "the level": (PAPER.panel_focus, white), "marks": (PAPER.mark, white)}
    low = {name: round(contrast(a, b), 2) for name, (a, b) in text.items()
           if contrast(a, b) < 4.5}
    low |= {name: round(contrast(a, b), 2) for name, (a, b) in lines.items()
            if contrast(a, b) < 3.0}
    assert low == {}



def test_a_page_restyled_in_place_is_drawn_as_one_made_in_that_look(qtbot, make_window):
    """While a new look is applied, scroll areas and the window hold their style changes
    and hear one at the end (explorer/ui/styling.py): the page on screen comes out the same,
    to the pixel and in its scroll range, as the same page made afresh in that look."""
    window = make_window()
    window.show_page(("condition", "herniated_disc"))
    page = window.current_page()
    page.complete()
    before = page.verticalScrollBar().maximum()
    qtbot.mouseClick(window.header.theme, Qt.MouseButton.LeftButton)  # dark
    qtbot.mouseClick(window.header.bigger, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.header.bigger, Qt.MouseButton.LeftButton)
    preferences = window.session.preferences
    assert (preferences.theme, preferences.text_size) == ("dark", 150)
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > before * 1.3)
    page.title.clearFocus()
    qtbot.wait(50)  # (any layout still posted)
    restyled = page.grab().toImage(), page.verticalScrollBar().maximum()

    qtbot.mouseClick(window.header.home, Qt.MouseButton.LeftButton)
    window.router.drop_others()  # the page is made again, in the look the app has now
    window.show_page(("condition", "herniated_disc"))
    fresh = window.current_page()
    assert fresh is not page
    fresh.complete()
    fresh.title.clearFocus()
    qtbot.wait(50)
    assert fresh.verticalScrollBar().maximum() == restyled[1]
    assert fresh.grab().toImage() == restyled[0]


def test_a_new_look_restyles_each_widget_about_twice_not_once_for_each_it_lies_in(
        qtbot, qapp, make_window):
    """The look is the window's style sheet, not the application's (explorer/ui/styling.py):
    an application sheet restyles a label nine deep ten times (measured: up to 12), a
    window's sheet each widget twice (a few, three times)."""
    from collections import Counter

    import shiboken6
    from PySide6.QtCore import QEvent, QObject

    window = make_window()
    window.show_page(("region", "lumbar"))
    window.current_page().complete()
    heard: Counter[int] = Counter()

    class Listener(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.StyleChange:
                heard[shiboken6.getCppPointer(watched)[0]] += 1  # (a wrapper's id is reused)
            return False

    listener = Listener()
    qapp.installEventFilter(listener)
    try:
        qtbot.mouseClick(window.header.theme, Qt.MouseButton.LeftButton)
    finally:
        qapp.removeEventFilter(listener)
    assert len(heard) > 100  # the whole window was restyled
    times = Counter(heard.values())  # how many widgets heard it how many times
    assert max(times) <= 3 and sum(n for count, n in times.items() if count > 2) <= 5, times


def test_a_window_made_after_a_change_of_look_has_that_look(qtbot, make_window):
    """A window takes on the look the app has when it is made (style_window), though no
    restyle is needed for it."""
    from explorer.model.preferences import Preferences

    first = make_window()
    qtbot.mouseClick(first.header.theme, Qt.MouseButton.LeftButton)  # dark
    assert first.session.preferences.theme == "dark"
    second = make_window(size=(1024, 768), preferences=Preferences(theme="dark"))
    header = second.header.grab().toImage()
    assert header.pixelColor(header.width() // 2, 2).name() == THEMES["dark"].surface.lower()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # (offscreen)
@pytest.mark.parametrize("name", list(THEMES))
def test_every_menu_item_is_readable_in_every_look(qtbot, make_window, name):
    """The Print menu and the "More" menu, drawn as a person sees them: each item's words
    against the menu's own background, measured on the pixels."""
    from collections import Counter

    window = make_window(size=(1024, 768))
    while window.session.preferences.theme != name:
        qtbot.mouseClick(window.header.theme, Qt.MouseButton.LeftButton)
    header = window.header
    while not header.row.more.isVisible():  # larger text: controls go into "More"
        qtbot.mouseClick(header.bigger, Qt.MouseButton.LeftButton)
    menus = [header.print_menu, header.row.menu]
    for menu in menus:
        assert menu is not None
        owner = menu.parentWidget()
        menu.popup(owner.mapToGlobal(owner.rect().bottomLeft()))
        qtbot.waitUntil(lambda menu=menu: menu.isVisible() and bool(menu.actions()))
        image = menu.grab().toImage()
        menu.hide()
        colours = Counter(image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
                          for y in range(0, image.height(), 2))
        background = colours.most_common(1)[0][0]
        for action in menu.actions():
            box = menu.actionGeometry(action)
            best = max(contrast(image.pixelColor(x, y).name(), background)
                       for x in range(box.left(), box.right())
                       for y in range(box.top(), box.bottom()))
            assert best >= TEXT_MIN[name], (menu.objectName(), action.text(), background, best)


def test_the_window_is_laid_out_in_its_look_the_first_time(qtbot, qapp, make_window):
    """Everything the window holds is measured in the window's style sheet: a control
    measured before it had the look (once, the Mark tool's) made the foot 2 px too tall
    at first, and the whole window was laid out twice before its first frame."""
    from PySide6.QtCore import QEvent, QObject

    window = make_window(shown=False)
    heights: list[int] = []

    class Listener(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if watched is window.footer and event.type() == QEvent.Type.Resize:
                heights.append(event.size().height())
            return False

    listener = Listener()
    window.footer.installEventFilter(listener)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(3):
        qapp.processEvents()  # (the layouts the first one posted, if any)
    window.footer.removeEventFilter(listener)
    assert len(heights) == 1, heights
