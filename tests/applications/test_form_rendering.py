"""The section pages' select lists: Django's HTML, written without a template per option."""

import pytest
from django import forms
from django.utils.safestring import mark_safe

from portique.applications.form_rendering import Select, countries, section_form_class, section_formset_class
from portique.rules.programs import registry

CHOICES = [
    ("", "— Choose —"),
    ("CA", "Canada"),
    ("CI", "Côte d’Ivoire"),
    ("X&Y", "A <b>\"quoted\"</b> & 'odd' label"),
    (7, mark_safe("<em>safe</em> &amp; kept")),
]
GROUPED = [
    ("", "— Choose —"),
    ("Americas", [("CA", "Canada"), ("MX", "Mexico")]),
    ("Other <&>", [("FR", "France")]),
]


@pytest.mark.parametrize("choices", [CHOICES, GROUPED, [("", "— Choisir —"), *countries("fr")]])
@pytest.mark.parametrize("value", [None, "", "CA", "FR", "X&Y", 7, "not a choice"])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"id": "id_country", "aria-describedby": "id_country_help id_country_error", "aria-invalid": "true"},
        {"id": 'a"b<c>', "required": True, "disabled": False, "data-n": 3},
    ],
)
def test_a_select_renders_exactly_as_djangos(choices, value, attrs):
    ours = Select(choices=choices).render("country", value, attrs=attrs)
    djangos = forms.Select(choices=choices).render("country", value, attrs=attrs)
    assert ours == djangos
    assert "selected" in ours or value not in {c for c, _ in choices}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_imm5444_section_page_renders_as_with_djangos_select(language):
    form = registry.program("pr_card").forms_for("principal_applicant")[0]
    saved = {
        "personal": {"country_of_birth": "FR", "citizenship": "FR", "sex": "X"},
        "contact": {"mailing_province": "ON"},
    }
    for section in form.sections:
        if section.repeating:
            bound = section_formset_class(section, language)(prefix=section.code, initial=[{"country": "CA"}])
            fields = [row[f.code] for row in bound.forms for f in section.fields]
        else:
            bound = section_form_class(section, language)(initial=saved.get(section.code))
            fields = [bound[f.code] for f in section.fields]
        for field in fields:
            if isinstance(field.field.widget, Select):
                plain = forms.Select(choices=field.field.choices)
                assert field.as_widget() == field.as_widget(widget=plain), (section.code, field.name)


def test_the_country_lists_use_it():
    form = registry.program("pr_card").forms_for("principal_applicant")[0]
    personal = section_form_class(form.section("personal"), "en")()
    assert isinstance(personal.fields["country_of_birth"].widget, Select)
    assert 'value="FR"' in str(personal["country_of_birth"])


def test_the_country_lists_are_iso_3166_countries_without_pseudo_locales_or_organisations():
    from portique.applications.form_rendering import countries

    for language in ("en", "fr"):
        listed = dict(countries(language))
        names = set(listed.values())
        assert not names & {"Pseudo-Accents", "Pseudo-Bidi", "Eurozone", "European Union", "United Nations"}
        assert not names & {"zone euro", "Union européenne", "Nations Unies", "Océanie lointaine"}
        assert not {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"} & set(listed)
        # The stored value stays the ISO 3166-1 alpha-2 code.
        assert all(len(code) == 2 and code.isupper() for code in listed)
        assert {"CA", "FR", "US", "EG", "EC", "AX", "CI"} <= set(listed)
        assert len(listed) == 250  # ISO 3166-1's 249, and Kosovo (XK)


def test_the_french_list_is_in_french_dictionary_order_accents_do_not_send_a_country_after_zimbabwe():
    from portique.applications.form_rendering import countries

    names = [name for _code, name in countries("fr")]
    assert names[-1] == "Zimbabwe"
    assert names.index("Danemark") < names.index("Égypte") < names.index("Équateur") < names.index("Espagne")
    assert names.index("Espagne") < names.index("États-Unis")
    assert names.index("États-Unis") < names.index("Éthiopie") < names.index("Fidji")
    assert names.index("Îles Marshall") < names.index("Inde")
    english = [name for _code, name in countries("en")]
    assert english.index("Afghanistan") < english.index("Åland Islands") < english.index("Albania")
    assert english.index("Côte d’Ivoire") < english.index("Croatia")
