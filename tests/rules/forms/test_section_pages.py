"""A long section asked over short pages: every question is on exactly one page, each page says why
it asks and cites its source, and a repeating section names its rows in both languages."""

from portique.rules.forms.model import ROW, RowName
from portique.rules.programs import registry


def _sections():
    for definition in registry.programs():
        for role in definition.roles:
            for form in definition.forms_for(role):
                for section in form.sections:
                    yield form, section


def test_every_question_of_a_paged_section_is_on_exactly_one_page():
    paged = [(form, section) for form, section in _sections() if section.pages]
    assert paged, "the sponsor's eligibility sections are asked over pages"
    for form, section in paged:
        asked = [code for page in section.pages for code in page.fields]
        assert sorted(asked) == sorted(f.code for f in section.fields), (form.code, section.code)
        for page in section.pages:
            assert page.why_en and page.why_fr and page.citation, (section.code, page.code)
            for code in page.fields:
                when = section.field(code).when
                # A question shown only for some answer is on the page of that answer (it works without script).
                if when is not None and "." not in when.field:
                    assert when.field in page.fields, (section.code, page.code, code)
        assert len({page.code for page in section.pages}) == len(section.pages)


def test_every_repeating_section_a_person_fills_names_its_rows():
    for form, section in _sections():
        if section.repeating and not form.code.endswith("FACTS") and section.code != "events":
            assert section.row_name is not ROW, (form.code, section.code)


def test_row_names_read_naturally_in_both_languages():
    address = RowName("address", "adresse", fr_feminine=True)
    trip = RowName("trip", "voyage")
    assert address.numbered("en", 2) == "Address 2" and address.numbered("fr", 2) == "Adresse 2"
    assert address.add_another("en") == "Add another address"
    assert address.add_another("fr") == "Ajouter une autre adresse"
    assert trip.add_another("fr") == "Ajouter un autre voyage"
    assert address.remove("en", 3) == "Remove address 3"
    assert address.remove("fr", 3) == "Supprimer l’adresse 3"
    assert trip.remove("fr", 1) == "Supprimer le voyage 1"
    assert RowName("conviction", "condamnation", fr_feminine=True).remove("fr", 1) == "Supprimer la condamnation 1"
