"""English, at a desk: what a blind person gets from the start page on, through AT-SPI.

    /usr/bin/python3 tests/atspi/desktop.py   (with the app running on the same buses)
"""

from reader import SYMBOLS, act, attributes, check, locale, main, states, text_of


def is_heading(name: str):
    return lambda a: a.getRoleName() == "heading" and a.name == name


def no_symbols(reader, where: str) -> None:
    shown = reader.find_all(lambda a: True)
    spoken = [a.name for a in shown] + [text_of(a) for a in shown if a.getRoleName() in
                                        ("heading", "paragraph", "list item")]
    check(not [said for said in spoken if any(c in said for c in SYMBOLS)],
          f"no symbol (☎ ✚ ⚠ › ◐) is read out on {where}")


def readable_page(reader) -> None:
    page = reader.page()
    check(page.name == "Explore your spine", "the start page is a document named by its title, "
          "not 'Home' like the Home button")
    title = reader.focus_on(is_heading("Explore your spine"), what="the start page's title")
    check(attributes(title).get("level") == "1", "focus starts on its title, a heading, level 1")
    check(locale(title).startswith("en"), "it says it is in English")
    sections = reader.find_all(lambda a: a.getRoleName() == "heading", page)[1:]
    check(len(sections) >= 5 and all(attributes(h).get("level") == "2" for h in sections),
          f"{len(sections)} section headings, level 2, to jump between")
    words = reader.find_all(lambda a: a.getRoleName() in ("heading", "paragraph", "list item"),
                            page)
    check(all(text_of(a) == a.name for a in words),
          f"all {len(words)} headings, paragraphs and list items read through the Text interface")
    text = "\n".join(text_of(a) for a in words)
    check("muscle spasm" in text.lower() and "Choose a part of the spine" in text,
          "reading straight through gives the lead and the topic")
    lists = reader.find_all(lambda a: a.getRoleName() == "list", page)
    check(lists and all(lists[0].getChildAtIndex(i).getRoleName() == "list item"
                        for i in range(lists[0].childCount)) and lists[0].childCount > 3,
          f"lists are lists ({lists[0].childCount} items in the first)")
    no_symbols(reader, "the start page, the header and the drawing")
    link = reader.find("link", "All conditions", page)
    check(link.childCount == 0 and "Press" in [link.queryAction().getName(i) for i in
                                               range(link.queryAction().nActions)],
          "a link is a link with its words only, and a Press action")


def links_take_return_and_focus_follows(reader) -> None:
    act(reader.find("link", "All conditions"), "SetFocus")
    reader.focus_on(lambda a: a.name == "All conditions", what="the link")
    reader.press("Return")
    reader.focus_on(is_heading("All conditions"), what="the new page's title")
    check(reader.page().name == "All conditions", "Return on a link opens its page, and the "
          "focus moves to the new page's title")
    reader.press("Tab")
    first = reader.focus_on(lambda a: a.getRoleName() == "link", what="the first link")
    check(first.name == "Herniated disc", "Tab from the title goes on into the page: "
          f"{first.name}")
    act(reader.find("link", "Sciatica"), "SetFocus")
    reader.focus_on(lambda a: a.name == "Sciatica", what="the Sciatica link")
    reader.press("KP_Enter")
    reader.focus_on(is_heading("Sciatica"), what="the condition's title")
    check(reader.page().name == "Sciatica", "keypad Enter follows a link too")
    no_symbols(reader, "a condition's page, with its warning boxes")
    back = reader.find("push button", "Back")
    act(back, "SetFocus")
    reader.focus_on(lambda a: a.name == "Back", what="Back")
    reader.press("space")
    reader.heard("All conditions")
    check(reader.focused.name == "Back", "Back (Space) says the page it went back to; focus "
          "stays on Back")
    act(reader.find("push button", "Home"), "SetFocus")
    reader.focus_on(lambda a: a.name == "Home", what="Home")
    reader.press("Return")
    reader.heard("Explore your spine")
    check(reader.page().name == "Explore your spine", "Home (Return) says the start page")


def regions_are_one_group(reader) -> None:
    neck = reader.find("radio button", "Neck, cervical spine")
    act(neck, "SetFocus")
    reader.focus_on(lambda a: a.name == "Neck, cervical spine", what="the neck")
    reader.press("Down")
    reader.press("Down")
    lumbar = reader.focus_on(lambda a: a.name == "Lower back, lumbar spine",
                             what="the lower back, two arrow presses down")
    check("checked" not in states(lumbar), "regions are radio buttons, named as their labels "
          "read, moved between with the arrow keys")
    reader.press("Return")
    reader.heard("Lower back — lumbar spine")
    check("checked" in states(lumbar) and "checked" not in states(neck),
          "Return chooses a region: its page is announced, it is checked, focus stays on it")
    reader.pump(0.6)  # the region comes up large: "Whole spine" and its levels join the Tabs
    reader.press("Tab")
    after = reader.focus_on(lambda a: a.name != "Lower back, lumbar spine", what="Tab away")
    check(after.name == "Whole spine", "the four regions are one Tab stop: Tab goes on to "
          f"{after.name!r}, by the region shown large")
    reader.press("Tab", shift=True)
    back_in = reader.focus_on(lambda a: a.getRoleName() == "radio button", what="Shift+Tab")
    check(back_in.name == "Lower back, lumbar spine", "and Shift+Tab comes back to the region "
          "chosen")


def levels_are_one_group(reader) -> None:
    l1 = reader.find("link", "L1 vertebra")
    act(l1, "SetFocus")
    reader.focus_on(lambda a: a.name == "L1 vertebra", what="the L1 link")
    reader.press("Right")
    reader.focus_on(lambda a: a.name == "L1–L2 disc", what="the disc below it, one arrow "
                    "press right")
    reader.press("Return")
    title = reader.focus_on(lambda a: a.getRoleName() == "heading" and a.name.startswith("L1–L2"),
                            what="the L1–L2 page's title")
    check(True, f"the arrow keys move through the table of levels; Return opens {title.name!r}")


def zoomed_levels_speak_their_region(reader) -> None:
    """The region shown large: each bone, disc and nerve root is a button over its chip,
    named as a patient would say it, one Tab stop, moved along with the arrow keys."""
    whole = reader.find("push button", "Whole spine")
    act(whole, "SetFocus")
    reader.focus_on(lambda a: a.name == "Whole spine", what="the small whole spine")
    reader.press("Tab")
    level = reader.focus_on(lambda a: a.name.endswith(", lower back"), what="the levels")
    check(level.getRoleName() == "push button" and level.name == "L1–L2 disc, lower back",
          f"Tab goes on to the levels, at the one open: {level.name!r}")
    reader.press("Down")
    reader.focus_on(lambda a: a.name == "L2–L3 disc, lower back", what="the disc below")
    reader.press("Left")
    bone = reader.focus_on(lambda a: a.name.endswith("vertebra, lower back"), what="a bone")
    check(bone.name == "L3 vertebra, lower back", "Down and Left move between levels, each "
          f"named with its region ({bone.name!r})")
    reader.press("Return")
    said = reader.heard("L3 vertebra")
    check(reader.page().name.startswith("L3 vertebra") and reader.focused.name == bone.name,
          f"Return on a level opens its page, which is announced ({said!r}); focus stays on "
          "the level")


def body_map_by_toggle(reader) -> None:
    tab = reader.find("radio button", "Show the body map")
    act(tab, "Toggle")
    reader.find("label", "Front view")
    words = {a.name for a in reader.find_all(lambda a: a.getRoleName() == "label")}
    check({"Front view", "Back view", "Right", "Left"} <= words,
          "the Toggle action shows the body map, and its painted words are there to read")
    check(not reader.find_all(lambda a: a.name == "Spine drawing"),
          "the spine drawing is no longer on screen")
    areas = reader.find_all(lambda a: a.getRoleName() == "push button" and
                            a.parent.parent.name == "Body map")
    act(areas[0], "SetFocus")
    reader.focus_on(lambda a: a.name == areas[0].name, what="the first body area")
    reader.press("Down")
    second = reader.focus_on(lambda a: a.name != areas[0].name, what="the next area")
    check(second.parent.parent.name == "Body map",
          f"Down moves to the next body area ({second.name})")
    reader.press("Tab")
    after = reader.focus_on(lambda a: a.name != second.name, what="Tab away from the map")
    check(after.parent.parent.name != "Body map",
          f"the {len(areas)} areas are one Tab stop: Tab goes on to {after.name!r}")
    act(reader.find("radio button", "Show the spine"), "Toggle")
    reader.find("filler", "Spine drawing")


def header_speaks(reader) -> None:
    act(reader.find("push button", "Larger text"), "SetFocus")
    reader.focus_on(lambda a: a.name == "Larger text", what="Larger text")
    reader.press("Return")
    reader.heard("Text size 125 percent")
    check(True, "A+ says the new text size")
    act(reader.find("push button", "Smaller text"), "SetFocus")
    reader.press("Return")
    reader.heard("Text size 100 percent")
    check(True, "A− too")
    search = reader.find("text", "Search")
    act(search, "SetFocus")
    reader.focus_on(lambda a: a.name == "Search", what="the search box")
    reader.type("sciatica")
    said = reader.heard("for “sciatica”")
    check(said.split()[0].isdigit() and reader.focused.name == "Search",
          f"the number of results is said ({said!r}); focus stays in the box")


def tab_order_follows_the_screen(reader) -> None:
    act(reader.find("push button", "Home"), "SetFocus")
    reader.focus_on(lambda a: a.name == "Home", what="Home")
    order = []
    for _ in range(8):
        reader.press("Tab")
        order.append((reader.focused.getRoleName(), reader.focused.name))
    roles = [role for role, _ in order]
    names = [name for _, name in order]
    drawing = names.index("Show the spine")
    check(names[:2] == ["Search", "Larger text"] and roles[drawing + 1] == "radio button" and
          roles[drawing + 2] == "document frame" and roles.count("radio button") == 2,
          f"Tab follows the screen: the header, the drawing's tab, one region, the page: {names}")


def scenario(reader) -> None:
    readable_page(reader)
    links_take_return_and_focus_follows(reader)
    regions_are_one_group(reader)
    levels_are_one_group(reader)
    zoomed_levels_speak_their_region(reader)
    body_map_by_toggle(reader)
    header_speaks(reader)
    reader.find("push button", "Home")
    act(reader.find("push button", "Home"), "Press")
    tab_order_follows_the_screen(reader)


if __name__ == "__main__":
    main(scenario)
