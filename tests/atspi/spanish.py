"""In Spanish (started with --lang es), then switched to English: the language reaches the
screen reader, so it can speak each with the right voice.
"""

from reader import act, attributes, check, locale, main, states, text_of


def spanish(reader) -> None:
    check(locale(reader.app).startswith("es"), "the app says it speaks Spanish")
    check(locale(reader.window).startswith("es"), "so does its window")
    page = reader.page()
    title = reader.focus_on(lambda a: a.getRoleName() == "heading", what="the title")
    check(title.name == page.name and locale(title).startswith("es") and
          attributes(title).get("level") == "1",
          f"the start page's title, in Spanish: {title.name!r}")
    back = reader.find("push button", "Atrás")
    check(locale(back).startswith("es"), "the buttons too ('Atrás')")
    region = reader.find("radio button", "Espalda baja, columna lumbar")
    act(region, "SetFocus")
    reader.focus_on(lambda a: a.name == region.name, what="the lower back")
    reader.press("Return")
    said = reader.heard("Espalda baja")
    check("checked" in states(region), f"choosing a region announces its page: {said!r}")
    lead = reader.find_all(lambda a: a.getRoleName() == "paragraph", reader.page())[0]
    check(locale(lead).startswith("es") and bool(text_of(lead)), "its text is read in Spanish")


def english(reader) -> None:
    act(reader.find("push button", "English"), "Press")
    reader.find("push button", "Back")
    reader.wait(lambda: locale(reader.app).startswith("en") and
                locale(reader.window).startswith("en"), what="the app in English")
    check(True, "after 'English', the app and its window say English")
    page = reader.page()
    headings = reader.find_all(lambda a: a.getRoleName() == "heading", page)
    check(bool(headings) and all(locale(h).startswith("en") for h in headings),
          f"and so does the page ({page.name!r})")


if __name__ == "__main__":
    main(lambda reader: (spanish(reader), english(reader)))
