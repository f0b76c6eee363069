"""Colours and the application style sheet.

A :class:`Theme` is plain data (hex colours), so tests can compute contrast
ratios from exactly what is drawn.  :func:`style_sheet` turns a theme and a
text scale into Qt style sheet text; nothing else in the app names a colour.
"""

from __future__ import annotations

from typing import NamedTuple


class Theme(NamedTuple):
    name: str
    window: str  # page background
    surface: str  # cards, header, footer, labels beside the drawing
    panel: str  # behind the drawing: a dark "light box" the bones stand out on
    on_panel: str  # text on the panel (the hint under the drawing)
    text: str
    muted: str  # secondary text
    placeholder: str  # the search box's hint before anything is typed
    accent: str  # link text; primary button background
    on_accent: str  # text on accent
    border: str  # decorative borders (cards)
    control_border: str  # borders of things you can press (3:1 at least)
    focus: str  # keyboard focus ring
    panel_focus: str  # keyboard focus ring on the drawing's dark panel
    bone: str  # unselected vertebrae
    bone_line: str
    disc: str
    nerve: str
    outline: str  # selected region outline
    context: str  # faint skull/pelvis hints
    emergency: str  # emergency box border and bar, its title text
    emergency_bg: str
    urgent: str  # urgent (same day) box border, its title text
    urgent_bg: str
    doctor_bg: str
    regions: dict[str, str]  # region id -> colour
    mark: str = "#FF6FA3"  # a clinician's lines and pins on the drawing


DEFAULT = Theme(
    name="default",
    window="#F3F6F6",
    surface="#FFFFFF",
    panel="#1F2D35",
    on_panel="#E3ECEF",
    text="#17242B",
    muted="#45555E",
    placeholder="#52626B",
    accent="#0B615C",
    on_accent="#FFFFFF",
    border="#C5D1D4",
    control_border="#6B7C84",
    focus="#1A4FD6",
    panel_focus="#FFD166",
    bone="#EFE8DA",
    bone_line="#5E5444",
    disc="#B9D3E6",
    nerve="#E9B949",
    outline="#FFFFFF",
    context="#34444D",
    emergency="#9E1111",
    emergency_bg="#FDECEC",
    urgent="#7A4300",
    urgent_bg="#FFF5E1",
    doctor_bg="#EEF4FB",
    # Okabe–Ito colours, told apart with the common colour-vision deficiencies.
    regions={"cervical": "#0072B2", "thoracic": "#E69F00", "lumbar": "#009E73",
             "sacral": "#CC79A7"},
)

DARK = Theme(
    name="dark",
    window="#12191D",
    surface="#1B252B",
    panel="#0C1215",
    on_panel="#DCE6EA",
    text="#E9EFF1",
    muted="#AEBCC3",
    placeholder="#A1B0B8",
    accent="#7FD8CD",
    on_accent="#0C1215",
    border="#34444D",
    control_border="#8397A0",
    focus="#FFD166",
    panel_focus="#FFD166",
    bone="#E3D9C6",
    bone_line="#4D4437",
    disc="#A7C9E0",
    nerve="#E9B949",
    outline="#FFFFFF",
    context="#26333A",
    emergency="#FF9A8F",
    emergency_bg="#3A1414",
    urgent="#FFC266",
    urgent_bg="#2E2412",
    doctor_bg="#1A2A37",
    regions={"cervical": "#56B4E9", "thoracic": "#E69F00", "lumbar": "#2DBE8E",
             "sacral": "#DD8CBC"},
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    window="#000000",
    surface="#000000",
    panel="#000000",
    on_panel="#FFFFFF",
    text="#FFFFFF",
    muted="#FFFFFF",
    placeholder="#D0D0D0",
    accent="#FFFF00",
    on_accent="#000000",
    border="#FFFFFF",
    control_border="#FFFFFF",
    focus="#00FFFF",
    panel_focus="#00FFFF",
    bone="#FFFFFF",
    bone_line="#000000",
    disc="#9FD8FF",
    nerve="#FFD400",
    outline="#00FFFF",
    context="#3A3A3A",
    emergency="#FF6B6B",
    emergency_bg="#000000",
    urgent="#FFD400",
    urgent_bg="#000000",
    doctor_bg="#000000",
    regions={"cervical": "#4FC3FF", "thoracic": "#FFB000", "lumbar": "#3DF2A5",
             "sacral": "#FF8AD8"},
    mark="#FF00FF",
)

# Paper: white, dark outlines, so a printed selection shows in black and white too.
PAPER = DEFAULT._replace(name="paper", panel="#FFFFFF", on_panel="#17242B", outline="#17242B",
                         panel_focus="#1A4FD6", context="#E3E8EA", mark="#C2185B")

THEMES = {theme.name: theme for theme in (DEFAULT, DARK, HIGH_CONTRAST)}


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #RRGGBB colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


BASE_FONT_PX = 17  # body text at 100 %; never below 16 px


def px(size: float, scale: float) -> int:
    return round(size * scale)


MIN_TOUCH_PX = 44  # WCAG 2.5.5 target size, in kiosk mode


def style_sheet(theme: Theme, scale: float = 1.0, kiosk: bool = False) -> str:
    t, s = theme, scale
    touch = f"""
QPushButton, QLineEdit, QPushButton#linkButton, QPushButton#shapeButton {{
    min-height: {MIN_TOUCH_PX}px; min-width: {MIN_TOUCH_PX}px; }}
QMenu::item {{ padding: 12px 24px; }}
""" if kiosk else ""
    return f"""
QWidget {{ font-size: {px(BASE_FONT_PX, s)}px; color: {t.text}; }}
QMainWindow, #central {{ background: {t.window}; }}
#header {{ background: {t.surface}; border-bottom: 1px solid {t.border}; }}
#appTitle {{ font-size: {px(24, s)}px; font-weight: 700; color: {t.text}; }}
#appTagline {{ color: {t.muted}; }}
#footer {{ background: {t.surface}; border-top: 1px solid {t.border}; }}
#note {{ background: {t.surface}; color: {t.text}; border: 2px solid {t.accent};
    border-radius: 8px; padding: 6px 10px; }}
#disclaimer {{ color: {t.text}; font-size: {px(16, s)}px; padding: 4px 0; }}
#diagramPanel {{ background: {t.panel}; border: 1px solid {t.border}; border-radius: 14px; }}
#diagramHint {{ color: {t.on_panel}; font-size: {px(16, s)}px; }}
QScrollArea, #page {{ background: {t.window}; border: none; }}
#pageTitle {{ font-size: {px(30, s)}px; font-weight: 700; border: 0 solid transparent;
    border-bottom: 4px solid transparent; }}
#pageTitle[focused="true"] {{ border-bottom-color: {t.focus}; }}
#pageKicker {{ color: {t.muted}; font-size: {px(16, s)}px; font-weight: 700;
 }}
#pageLead {{ font-size: {px(19, s)}px; }}
#sectionHeading {{ font-size: {px(20, s)}px; font-weight: 700; }}
#muted, #sources {{ color: {t.muted}; }}
#tableHeading {{ color: {t.muted}; font-weight: 700; }}
#card, #emergencyBox, #urgentBox, #soonBox, #doctorBox {{ background: {t.surface};
    border: 1px solid {t.border}; border-radius: 12px; }}
#emergencyBox {{ background: {t.emergency_bg}; border: 3px solid {t.emergency};
    border-left: 12px solid {t.emergency}; }}
#urgentBox {{ background: {t.urgent_bg}; border: 2px dashed {t.urgent}; }}
#soonBox, #doctorBox {{ background: {t.doctor_bg}; border: 1px solid {t.border}; }}
#boxTitle {{ font-weight: 700; font-size: {px(19, s)}px; }}
#emergencyBox #boxTitle {{ color: {t.emergency}; font-size: {px(22, s)}px; }}
#urgentBox #boxTitle {{ color: {t.urgent}; }}
#term {{ font-size: {px(16, s)}px; }}
#listItem {{ padding-left: {px(22, s)}px; }}
#chip {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 16px;
    padding: 6px 14px; }}
QPushButton {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.control_border};
    border-radius: 10px; padding: 8px 16px; min-height: 28px; }}
QPushButton:hover {{ border-color: {t.accent}; }}
QPushButton:pressed {{ background: {t.window}; }}
QPushButton:focus {{ border: 3px solid {t.focus}; padding: 6px 14px; }}
QPushButton:disabled {{ color: {t.muted}; border-style: dashed; }}
QPushButton#linkButton {{ padding: 0; min-height: 0; }}
QPushButton#shapeButton {{ padding: 0; min-height: 0; min-width: 0; border: none; }}
#linkText {{ color: {t.accent}; font-weight: 700; }}
QPushButton#navButton {{ font-weight: 700; }}
QPushButton#primaryButton {{ background: {t.accent}; color: {t.on_accent}; border: none;
    font-weight: 700; }}
#idleOverlay, #staffOverlay {{ background: rgba(10, 20, 25, 150); }}
#overlayCard {{ background: {t.surface}; border: 2px solid {t.border}; border-radius: 18px; }}
#overlayTitle {{ font-size: {px(30, s)}px; font-weight: 700; }}
#overlayText {{ font-size: {px(19, s)}px; }}
#pinDots {{ font-size: {px(30, s)}px; min-height: {px(40, s)}px; }}
QPushButton#pinKey {{ font-size: {px(26, s)}px; font-weight: 700; min-height: {px(64, s)}px;
    min-width: {px(88, s)}px; }}
#idleOverlay QPushButton#primaryButton {{ font-size: {px(24, s)}px; min-height: {px(72, s)}px; }}
#attractBanner {{ background: {t.accent}; color: {t.on_accent}; font-size: {px(22, s)}px;
    font-weight: 700; border-radius: 14px; padding: 14px 20px; }}
QLineEdit#searchBox {{ background: {t.surface}; color: {t.text}; border: 1px solid
    {t.control_border}; border-radius: 10px; padding: 6px 12px; min-height: 28px;
    placeholder-text-color: {t.placeholder}; }}
QLineEdit#searchBox:focus {{ border: 3px solid {t.focus}; padding: 4px 10px; }}
QMenu {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.control_border};
    padding: 4px; }}
QMenu::item {{ padding: 8px 20px; border-radius: 6px; }}
QMenu::item:selected {{ background: {t.accent}; color: {t.on_accent}; }}
QMenu::item:disabled {{ color: {t.muted}; }}
QPushButton#keyButton {{ font-size: {px(20, s)}px; font-weight: 700; min-height: 44px; }}
#viewTabs {{ background: {t.panel}; border-radius: 12px; }}
QPushButton#tabButton {{ background: transparent; color: {t.on_panel}; border: 1px solid
    {t.on_panel}; border-radius: 10px; padding: 6px 14px; }}
QPushButton#tabButton:checked {{ background: {t.on_panel}; color: {t.panel}; font-weight: 700; }}
QPushButton#markButton {{ background: {t.surface}; color: {t.text}; border: 1px solid
    {t.control_border}; border-radius: 8px; padding: 3px 10px; min-height: 20px;
    font-size: {min(px(15, s), 19)}px; }}
QPushButton#markButton:checked {{ background: {t.mark}; color: {t.panel}; font-weight: 700; }}
QScrollBar:vertical {{ width: {px(14, s)}px; background: {t.window}; }}
QScrollBar::handle:vertical {{ background: {t.border}; border-radius: 6px; min-height: 40px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
""" + touch  # last, so it wins over the sizes above


def mix(a: str, b: str, amount: float) -> str:
    """Blend hex colour ``a`` towards ``b`` by ``amount`` (0..1)."""
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(ca, cb, strict=True))
