"""Django forms built from the rules' form definitions, for display and parsing only.

The definitions in ``portique.rules`` decide what is asked and what is valid; these
classes only turn them into HTML inputs in the page's language and parse the POST.
Validity is then checked by the service, with the rules, so the web form and the
Validate button can never disagree.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale
from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from portique.rules.forms.model import Field, FieldKind, Section
from portique.rules.forms.validate import normalised
from portique.rules.typography import french

# Two-letter codes CLDR names that are not countries or territories of ISO 3166-1: its
# "special" and "macroregion" codes (unknown region, Eurozone, European Union, United
# Nations, Outlying Oceania), its pseudo-locales for testing translations (XA, XB), and
# the codes ISO 3166 only reserves for other bodies' use (Ascension, Clipperton, Sark,
# Diego Garcia, Ceuta and Melilla, the Canary Islands, Tristan da Cunha). Kosovo (XK) is
# kept: not yet in ISO 3166-1, it is the code IRCC and other governments use for it.
NOT_COUNTRIES = frozenset({"ZZ", "EZ", "EU", "UN", "QO", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


def collation_key(name: str) -> tuple[str, str]:
    """Sort names as a dictionary of the language does: accents and case do not change a
    letter's place ("Égypte" among the E, before "Érythrée"), and break ties only."""
    decomposed = unicodedata.normalize("NFKD", name)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return base, name


@cache
def countries(language: str) -> tuple[tuple[str, str], ...]:
    """ISO 3166 countries (CLDR's names, from Babel) in ``language``, sorted for that language.

    The stored answer is the ISO 3166-1 alpha-2 code; only the names and their order change
    with the page's language.
    """
    names = Locale.parse("fr_CA" if language.startswith("fr") else "en_CA").territories
    pairs = [
        (code, name)
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    return tuple(sorted(pairs, key=lambda pair: collation_key(pair[1])))


def _attributes(attrs: dict) -> str:
    # django/forms/widgets/attrs.html
    return "".join(
        ""
        if value is False
        else f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value if isinstance(value, str) else str(value))}"'
        for name, value in attrs.items()
    )


class Select(forms.Select):
    """Django's Select, its options written here rather than by one template render each.

    The HTML is Django's own, character for character (tests/applications/
    test_form_rendering.py compares them), but a list of 250 countries renders in well
    under a millisecond instead of about ten: the personal-details page has three.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                value = option["value"]
                parts.append(
                    f'\n  <option value="{conditional_escape(value if isinstance(value, str) else str(value))}"'
                    f"{_attributes(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every part above is escaped


def _words(text: str, language: str) -> str:
    """A question's words as the page shows them (French typography on French pages)."""
    return french(text) if language.startswith("fr") else text


def _choices(field: Field, language: str) -> list[tuple[str, str]]:
    if field.kind is FieldKind.COUNTRY and not field.options:
        options = list(countries(language))
    else:
        options = [(option.value, option.fr if language.startswith("fr") else option.en) for option in field.options]
    blank = "— Choisir —" if language.startswith("fr") else "— Choose —"
    return [("", blank), *options]


def _django_field(field: Field, language: str) -> forms.Field:
    common = {"label": _words(field.label(language), language), "help_text": _words(field.help(language), language), "required": False}
    kind = field.kind
    if kind in (FieldKind.CHOICE, FieldKind.YES_NO, FieldKind.COUNTRY):
        if kind is FieldKind.YES_NO:
            return forms.ChoiceField(choices=_choices(field, language)[1:], widget=forms.RadioSelect, **common)
        return forms.ChoiceField(choices=_choices(field, language), widget=Select, **common)
    if kind is FieldKind.DATE:
        return forms.CharField(widget=forms.DateInput(attrs={"type": "date"}), max_length=10, **common)
    if kind is FieldKind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=field.max_length, strip=True, **common)
    if kind is FieldKind.EMAIL:
        return forms.CharField(widget=forms.EmailInput(attrs={"autocomplete": "email"}), strip=True, **common)
    if kind is FieldKind.PHONE:
        return forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}), strip=True, **common)
    if kind is FieldKind.POSTAL_CODE:
        return forms.CharField(widget=forms.TextInput(attrs={"autocomplete": "postal-code"}), strip=True, **common)
    # Length is enforced by the rules with a bilingual message, not by the browser.
    return forms.CharField(strip=True, **common)


def _only_if(section: Section, field: Field, language: str) -> str:
    """The question a conditional field depends on, said in words (it works without JavaScript)."""
    code = field.when.field
    if "." in code:
        return ""
    controlling = section.field(code)
    wanted = {_as_input_value(value) for value in field.when.values}
    labels = [
        option.fr if language.startswith("fr") else option.en
        for option in controlling.options
        if _as_input_value(option.value) in wanted
    ]
    if language.startswith("fr"):
        return french(f"Répondez seulement si votre réponse à « {controlling.fr} » est : {' ou '.join(labels)}.")
    return f"Answer only if your answer to “{controlling.en}” is: {' or '.join(labels)}."


# Kinds whose answers are typed values (true/false, numbers, lists), not text.
TYPED = (FieldKind.FLAG, FieldKind.INTEGER, FieldKind.MULTI_CHOICE, FieldKind.DATES)


def _typed_field(field: Field, language: str) -> forms.Field:
    common = {"label": _words(field.label(language), language), "help_text": _words(field.help(language), language), "required": False}
    options = [(o.value, o.fr if language.startswith("fr") else o.en) for o in field.options]
    if field.kind is FieldKind.FLAG:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if field.kind is FieldKind.INTEGER:
        return forms.IntegerField(min_value=0, max_value=10_000, **common)
    if field.kind is FieldKind.MULTI_CHOICE:
        return forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, **common)
    hint = "Une date par ligne (AAAA-MM-JJ)." if language.startswith("fr") else "One date per line (YYYY-MM-DD)."
    common["help_text"] = f"{common['help_text']} {hint}".strip()
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)


def _as_input_value(value) -> str:
    """A condition's value as the controlling input sends it (a flag's radio sends "true"/"false")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def section_form_class(section: Section, language: str) -> type[forms.Form]:
    """The inputs of one section (of one row, for a repeating section), in ``language``."""
    attrs = {}
    for field in section.fields:
        if field.code == section.ongoing:
            # "I live here now": one checkbox, ticked or not.
            attrs[field.code] = forms.BooleanField(label=_words(field.label(language), language), required=False)
            continue
        django_field = _typed_field(field, language) if field.kind in TYPED else _django_field(field, language)
        if section.ongoing and section.period and field.code == section.period[1]:
            # The end date is asked only while "I live here now" is not ticked (the script hides it).
            django_field.condition = (section.ongoing, "")
        if field.when is not None and "." not in field.when.field:
            # Read by the template: data attributes with which a small script shows the
            # question only when it applies; without the script the hint says when.
            django_field.condition = (field.when.field, ",".join(_as_input_value(v) for v in field.when.values))
            only_if = _only_if(section, field, language)
            django_field.help_text = f"{django_field.help_text} {only_if}".strip()
        attrs[field.code] = django_field
    return type(f"{section.code.title()}Form", (forms.Form,), attrs)


def describe(bound_field, errors) -> None:
    """Point an input at its hint and its error message, by the ids ``_field.html`` gives them.

    Django names a hint ``<id>_helptext``; the errors here come from the rules, not from
    the Django form, so the input is told about them (and marked invalid) here. A group of
    radio buttons is described on its fieldset instead (``_field.html``).
    """
    if bound_field.use_fieldset:
        return
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_helptext")
    if errors:
        described.append(f"{bound_field.auto_id}_error")
        bound_field.field.widget.attrs["aria-invalid"] = "true"
    if described:
        bound_field.field.widget.attrs["aria-describedby"] = " ".join(described)


def section_formset_class(section: Section, language: str, *, extra: int = 1):
    """The rows of a repeating section; ``extra`` blank rows follow the saved ones."""
    return forms.formset_factory(section_form_class(section, language), extra=extra)


def initial_answers(section: Section, saved: dict) -> dict:
    """Saved answers as the inputs show them (true → "true", a list of dates → lines)."""
    initial = {}
    for field in section.fields:
        value = saved.get(field.code)
        if value is None:
            continue
        if field.code == section.ongoing:
            value = value is True  # a checkbox reads true or false, not the words
        elif field.kind is FieldKind.FLAG and isinstance(value, bool):
            value = "true" if value else "false"
        elif field.kind is FieldKind.DATES and isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        initial[field.code] = value
    return initial


def answers_from(section: Section, data: dict, *, keep_blank_text: bool = True) -> dict:
    """One form's (or row's) answers as the rules read them.

    A blank text answer is kept as "" (saving a section clears an earlier answer) unless
    ``keep_blank_text`` is off; a blank typed answer (a flag, a number, a list) is left out.
    """
    answers: dict = {}
    for field in section.fields:
        value = data.get(field.code)
        blank = value is None or value == "" or value == []
        if blank and (field.kind in TYPED or not keep_blank_text):
            continue
        if field.code == section.ongoing:
            value = value is True
        elif field.kind in TYPED:
            if field.kind is FieldKind.FLAG:
                value = {"true": True, "false": False}.get(value, value)
            elif field.kind is FieldKind.DATES:
                value = [line.strip() for line in str(value).splitlines() if line.strip()]
        else:
            # A postal code, a telephone number or a UCI is stored the one way it is written.
            value = normalised(field, value or "")
        answers[field.code] = value
    return answers


def cleaned_answers(section: Section, bound, *, removed: int | None = None) -> object:
    """The answers of a bound form or formset, as the rules expect them.

    A row of a table keeps every column (a blank one as ""), so rows line up; a row left
    wholly blank, and the row numbered ``removed`` (counted from 1, as the page numbers
    them), are left out. A section leaves out what was left blank (saving it replaces the
    section's earlier answers).
    """
    if section.repeating:
        rows = []
        for number, row in enumerate(bound.forms, start=1):
            data = row.cleaned_data if row.is_valid() else {}
            if not data or number == removed:
                continue
            values = answers_from(section, data)
            if section.ongoing and values.get(section.ongoing) is True and section.period:
                # The current address has no end date: one typed before ticking the box is dropped.
                values[section.period[1]] = ""
            # An unticked "I live here now" is not an answer: a row with nothing else is blank.
            if any(v not in ("", None) and not (k == section.ongoing and v is False) for k, v in values.items()):
                rows.append(values)
        return rows
    return answers_from(section, bound.cleaned_data, keep_blank_text=False)
