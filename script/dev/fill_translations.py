"""Fill French msgstr entries in portique/locale/fr from a JSON file of {msgid: msgstr}.

A translator's helper, not run by setup: `python script/dev/fill_translations.py FILE.json…`
(several files are read in order; a later file's entry wins).
Entries already translated are left as they are unless --overwrite is given; fuzzy
guesses from makemessages are replaced. A key "context|msgid" fills one context only.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[2] / "portique/locale/fr/LC_MESSAGES/django.po"


def main() -> None:
    translations = {}
    for name in (argument for argument in sys.argv[1:] if not argument.startswith("--")):
        translations.update(json.loads(Path(name).read_text(encoding="utf-8")))
    overwrite = "--overwrite" in sys.argv
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        # "context|msgid" names one context's entry; a plain msgid fits every context.
        if message.context and f"{message.context}|{key}" in translations:
            key = f"{message.context}|{key}"
        if key in translations and (overwrite or not message.string or message.fuzzy):
            found = translations[key]
            # A plural entry is given as a list: [singular, plural].
            message.string = tuple(found) if isinstance(found, list) else found
            message.flags.discard("fuzzy")
    catalog.fuzzy = False
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    print(f"untranslated: {len(untranslated)}")
    for msgid in untranslated:
        print("  ", msgid)


if __name__ == "__main__":
    main()
